package io.hyperx.identity.query;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.UUID;

interface AccountViewRepository extends JpaRepository<AccountViewEntity, UUID> {
}
