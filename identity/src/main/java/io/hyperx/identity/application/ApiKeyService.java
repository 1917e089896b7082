package io.hyperx.identity.application;

import io.hyperx.identity.api.AccountId;
import io.hyperx.identity.api.AccountPrincipal;
import io.hyperx.identity.api.AccountStatus;
import io.hyperx.identity.api.ApiKeyId;
import io.hyperx.identity.api.Capability;
import io.hyperx.identity.api.IssueApiKeyCommand;
import io.hyperx.identity.api.RevokeApiKeyCommand;
import io.hyperx.identity.api.Role;
import io.hyperx.identity.domain.ApiKeyScopePolicy;
import io.hyperx.kernel.DomainException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * API keys for servers and agents: {@code hx_<prefix>_<secret>}, shown once, stored as a SHA-256 digest with the
 * visible prefix. A key acts with its scopes, limited to what its owner may currently do.
 */
@Service
public class ApiKeyService {

    public static final int MAX_KEYS_PER_ACCOUNT = 50;

    private final JdbcTemplate jdbc;
    private final Accounts accounts;
    private final CommandGateway commands;

    ApiKeyService(JdbcTemplate jdbc, Accounts accounts, CommandGateway commands) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.commands = commands;
    }

    @Transactional
    public Created create(AccountPrincipal principal, String name, Set<String> scopes, Instant expiresAt) {
        Instant now = Instant.now();
        Set<String> requested = scopes == null ? Set.of() : scopes.stream().map(String::trim)
                .collect(Collectors.toCollection(TreeSet::new));
        ApiKeyScopePolicy.requireWithin(requested, principal.capabilities());
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw DomainException.invalid("expiry_in_past", "expiresAt must be in the future.");
        }
        Integer active = jdbc.queryForObject("SELECT count(*) FROM identity.api_key WHERE account_id = ? "
                + "AND revoked_at IS NULL", Integer.class, principal.accountId().value());
        if (active != null && active >= MAX_KEYS_PER_ACCOUNT) {
            throw DomainException.conflict("too_many_api_keys", "Revoke a key before creating another.");
        }
        ApiKeyId id = new ApiKeyId(UUID.randomUUID());
        String prefix = Secrets.randomCode(8);
        String key = "hx_" + prefix + "_" + Secrets.randomToken(32);
        jdbc.update(con -> {
            var statement = con.prepareStatement("INSERT INTO identity.api_key (id, account_id, name, prefix, "
                    + "key_hash, scopes, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
            statement.setObject(1, id.value());
            statement.setObject(2, principal.accountId().value());
            statement.setString(3, name.trim());
            statement.setString(4, prefix);
            statement.setBytes(5, Secrets.sha256(key));
            statement.setArray(6, con.createArrayOf("text", requested.toArray()));
            statement.setTimestamp(7, Timestamp.from(now));
            statement.setTimestamp(8, expiresAt == null ? null : Timestamp.from(expiresAt));
            return statement;
        });
        commands.sendAndWait(new IssueApiKeyCommand(principal.accountId(), id, requested, expiresAt, now));
        return new Created(new Summary(id, name.trim(), prefix, List.copyOf(requested), now, expiresAt, null, null),
                key);
    }

    public List<Summary> list(AccountId accountId) {
        return jdbc.query("SELECT id, name, prefix, scopes, created_at, expires_at, revoked_at, last_used_at "
                + "FROM identity.api_key WHERE account_id = ? ORDER BY created_at DESC, id LIMIT ?", SUMMARY,
                accountId.value(), MAX_KEYS_PER_ACCOUNT * 4);
    }

    @Transactional
    public void revoke(AccountId owner, ApiKeyId id) {
        Instant now = Instant.now();
        int revoked = jdbc.update("UPDATE identity.api_key SET revoked_at = ? WHERE id = ? AND account_id = ? "
                + "AND revoked_at IS NULL", Timestamp.from(now), id.value(), owner.value());
        if (revoked == 0) {
            throw DomainException.notFound("api_key_not_found", "No such active API key.");
        }
        commands.sendAndWait(new RevokeApiKeyCommand(owner, id, now));
    }

    /**
     * The principal a presented key acts as: its scopes, narrowed to the owner's current capabilities. Empty for an
     * unknown, revoked or expired key, or an owner who is not active. Records the key's last use.
     */
    public Optional<AccountPrincipal> authenticate(String rawKey) {
        if (rawKey == null || !rawKey.startsWith("hx_")) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        Optional<KeyRow> found = jdbc.query("SELECT id, account_id, scopes, expires_at, revoked_at FROM "
                + "identity.api_key WHERE key_hash = ?", (rs, n) -> new KeyRow(
                new ApiKeyId(rs.getObject("id", UUID.class)),
                new AccountId(rs.getObject("account_id", UUID.class)),
                strings(rs.getArray("scopes")),
                instant(rs.getTimestamp("expires_at")),
                rs.getTimestamp("revoked_at") != null), (Object) Secrets.sha256(rawKey)).stream().findFirst();
        if (found.isEmpty() || found.get().revoked()
                || (found.get().expiresAt() != null && !found.get().expiresAt().isAfter(now))) {
            return Optional.empty();
        }
        KeyRow key = found.get();
        Optional<AccountRecord> owner = accounts.byId(key.accountId());
        if (owner.isEmpty() || owner.get().status() != AccountStatus.ACTIVE) {
            return Optional.empty();
        }
        Role role = owner.get().role();
        Set<String> effective = key.scopes().stream().filter(scope -> Capability.grants(role.capabilities(), scope))
                .collect(Collectors.toSet());
        jdbc.update("UPDATE identity.api_key SET last_used_at = ? WHERE id = ?", Timestamp.from(now),
                key.id().value());
        return Optional.of(new AccountPrincipal(key.accountId(), role, effective, key.id()));
    }

    private static final RowMapper<Summary> SUMMARY = (rs, n) -> new Summary(
            new ApiKeyId(rs.getObject("id", UUID.class)),
            rs.getString("name"),
            rs.getString("prefix"),
            List.copyOf(new TreeSet<>(strings(rs.getArray("scopes")))),
            rs.getTimestamp("created_at").toInstant(),
            instant(rs.getTimestamp("expires_at")),
            instant(rs.getTimestamp("revoked_at")),
            instant(rs.getTimestamp("last_used_at")));

    private static Set<String> strings(Array array) throws SQLException {
        return Arrays.stream((String[]) array.getArray()).map(s -> s.toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private record KeyRow(ApiKeyId id, AccountId accountId, Set<String> scopes, Instant expiresAt, boolean revoked) {
    }

    /** A key as its owner sees it later: never the key itself. */
    public record Summary(ApiKeyId id, String name, String prefix, List<String> scopes, Instant createdAt,
                          Instant expiresAt, Instant revokedAt, Instant lastUsedAt) {
    }

    /** A new key: the only time the key itself is shown. */
    public record Created(Summary summary, String key) {
    }
}
