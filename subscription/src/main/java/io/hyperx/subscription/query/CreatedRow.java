package io.hyperx.subscription.query;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;

import java.util.UUID;

/**
 * A projection row that knows whether its projection has just created it: {@code save} then inserts it straight
 * away instead of first selecting by id to choose between insert and update (half the round trips of a creating
 * event, which is most of a replay). A redelivered creating event cannot occur: rows and token commit together.
 */
@MappedSuperclass
abstract class CreatedRow implements Persistable<UUID> {

    @Transient
    private boolean created;

    /** Marks a row built from a creating event, so that saving it inserts it. */
    void markCreated() {
        created = true;
    }

    @Override
    public boolean isNew() {
        return created;
    }

    @PostLoad
    @PostPersist
    void markStored() {
        created = false;
    }
}
