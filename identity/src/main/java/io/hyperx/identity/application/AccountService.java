package io.hyperx.identity.application;

import io.hyperx.identity.api.AccountId;
import io.hyperx.identity.api.AccountPrincipal;
import io.hyperx.identity.api.AccountStatus;
import io.hyperx.identity.api.Capability;
import io.hyperx.identity.api.ChangeAccountProfileCommand;
import io.hyperx.identity.api.EraseAccountCommand;
import io.hyperx.identity.api.MarkEmailVerifiedCommand;
import io.hyperx.identity.api.RecordPasswordResetCommand;
import io.hyperx.identity.api.RegisterAccountCommand;
import io.hyperx.identity.api.ReinstateAccountCommand;
import io.hyperx.identity.api.Role;
import io.hyperx.identity.api.SuspendAccountCommand;
import io.hyperx.identity.api.UpgradeToCreatorCommand;
import io.hyperx.identity.domain.PasswordPolicy;
import io.hyperx.kernel.DomainException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The account lifecycle. Each method writes identity's tables and sends the Account aggregate its command in one
 * transaction: the e-mail claim's unique key, the aggregate's refusal and the event append commit or roll back
 * together.
 */
@Service
public class AccountService {

    private final Accounts accounts;
    private final OneTimeTokens oneTimeTokens;
    private final Outbox outbox;
    private final SessionService sessions;
    private final PasswordEncoder passwords;
    private final CommandGateway commands;
    private final IdentitySettings settings;

    AccountService(Accounts accounts, OneTimeTokens oneTimeTokens, Outbox outbox, SessionService sessions,
                   PasswordEncoder passwords, CommandGateway commands, IdentitySettings settings) {
        this.accounts = accounts;
        this.oneTimeTokens = oneTimeTokens;
        this.outbox = outbox;
        this.sessions = sessions;
        this.passwords = passwords;
        this.commands = commands;
        this.settings = settings;
    }

    /** Registers a fan or a creator, queues the verification e-mail and starts a session. */
    @Transactional
    public TokenPair register(String email, String password, String displayName, Role role) {
        if (role == Role.ADMIN) {
            throw DomainException.invalid("role_not_allowed", "Register as a fan or a creator.");
        }
        AccountRecord account = open(email, password, displayName, role);
        sendVerification(account.id(), Instant.now());
        return sessions.startSession(account, UUID.randomUUID());
    }

    /**
     * The bootstrap admin (see docs/identity.md), its e-mail taken as verified since the operator configured it;
     * nothing happens when the e-mail is already registered.
     */
    @Transactional
    public Optional<AccountId> ensureAdmin(String email, String password) {
        if (accounts.byEmail(email).isPresent()) {
            return Optional.empty();
        }
        AccountRecord admin = open(email, password, "Administrator", Role.ADMIN);
        accounts.setEmailVerified(admin.id());
        commands.sendAndWait(new MarkEmailVerifiedCommand(admin.id(), Instant.now()));
        return Optional.of(admin.id());
    }

    private AccountRecord open(String email, String password, String displayName, Role role) {
        requireAcceptablePassword(password);
        AccountId id = AccountId.random();
        Instant now = Instant.now();
        accounts.insert(id, email, displayName, passwords.encode(password), role, now);
        commands.sendAndWait(new RegisterAccountCommand(id, role, now));
        return accounts.require(id);
    }

    public AccountDetails details(AccountId id) {
        return accounts.require(id).details();
    }

    @Transactional
    public void verifyEmail(String rawToken) {
        Instant now = Instant.now();
        AccountId id = oneTimeTokens.consume(rawToken, OneTimeTokens.VERIFY_EMAIL, now)
                .orElseThrow(() -> DomainException.invalid("token_invalid",
                        "The verification link is invalid, expired or already used."));
        accounts.setEmailVerified(id);
        commands.sendAndWait(new MarkEmailVerifiedCommand(id, now));
    }

    /** Queues a reset link when the e-mail belongs to an account; answers the same either way. */
    @Transactional
    public void forgotPassword(String email) {
        accounts.byEmail(email).filter(account -> account.status() != AccountStatus.ERASED).ifPresent(account -> {
            Instant now = Instant.now();
            oneTimeTokens.invalidateAll(account.id(), OneTimeTokens.RESET_PASSWORD, now);
            String token = oneTimeTokens.issue(account.id(), OneTimeTokens.RESET_PASSWORD, now,
                    now.plus(settings.resetPasswordTtl()));
            outbox.enqueue(account.id(), Outbox.RESET_PASSWORD,
                    settings.publicBaseUrl() + "/reset-password?token=" + token, now);
        });
    }

    /** Sets a new password with a reset token and revokes every session. */
    @Transactional
    public void resetPassword(String rawToken, String newPassword) {
        requireAcceptablePassword(newPassword);
        Instant now = Instant.now();
        AccountId id = oneTimeTokens.consume(rawToken, OneTimeTokens.RESET_PASSWORD, now)
                .orElseThrow(() -> DomainException.invalid("token_invalid",
                        "The reset link is invalid, expired or already used."));
        accounts.setPasswordHash(id, passwords.encode(newPassword));
        oneTimeTokens.invalidateAll(id, OneTimeTokens.RESET_PASSWORD, now);
        sessions.revokeAll(id);
        commands.sendAndWait(new RecordPasswordResetCommand(id, now));
    }

    /**
     * Changes the caller's display name and/or avatar; {@code null} leaves a field as it is, an empty avatar URL
     * removes the avatar. Records {@code AccountProfileChanged} (which fields, never their values).
     */
    @Transactional
    public AccountDetails changeProfile(AccountPrincipal principal, String displayName, String avatarUrl) {
        AccountRecord account = accounts.require(principal.accountId());
        Set<String> changed = new LinkedHashSet<>();
        if (displayName != null) {
            if (displayName.isBlank()) {
                throw DomainException.invalid("display_name_required", "displayName must not be blank.");
            }
            if (!displayName.trim().equals(account.displayName())) {
                accounts.setDisplayName(account.id(), displayName.trim());
                changed.add("displayName");
            }
        }
        if (avatarUrl != null) {
            String avatar = avatarUrl.isBlank() ? null : avatarUrl.trim();
            CreatorProfileService.requireHttps("avatarUrl", avatar);
            if (!Objects.equals(avatar, account.avatarUrl())) {
                accounts.setAvatarUrl(account.id(), avatar);
                changed.add("avatarUrl");
            }
        }
        commands.sendAndWait(new ChangeAccountProfileCommand(account.id(), changed, Instant.now()));
        return accounts.require(account.id()).details();
    }

    /** A fan becomes a creator: their own account, or any account for an admin. */
    @Transactional
    public AccountDetails upgrade(AccountPrincipal principal, AccountId target) {
        if (!principal.accountId().equals(target) && !principal.can(Capability.ACCOUNTS_SUSPEND)) {
            throw DomainException.forbidden("forbidden", "You can only upgrade your own account.");
        }
        accounts.require(target);
        commands.sendAndWait(new UpgradeToCreatorCommand(target, Instant.now()));
        accounts.setRole(target, Role.CREATOR);
        return accounts.require(target).details();
    }

    @Transactional
    public AccountDetails suspend(AccountPrincipal admin, AccountId target) {
        accounts.require(target);
        commands.sendAndWait(new SuspendAccountCommand(target, admin.accountId(), Instant.now()));
        accounts.setStatus(target, AccountStatus.SUSPENDED);
        sessions.revokeAll(target);
        return accounts.require(target).details();
    }

    @Transactional
    public AccountDetails reinstate(AccountPrincipal admin, AccountId target) {
        accounts.require(target);
        commands.sendAndWait(new ReinstateAccountCommand(target, admin.accountId(), Instant.now()));
        accounts.setStatus(target, AccountStatus.ACTIVE);
        return accounts.require(target).details();
    }

    /**
     * Erases the caller's account after checking the password: personal data rows are deleted or blanked, every
     * session, token and API key goes, and {@code AccountErased} is recorded (ids only).
     */
    @Transactional
    public void erase(AccountPrincipal principal, String password) {
        if (principal.viaApiKey()) {
            throw DomainException.forbidden("api_key_not_allowed", "An account can only be erased by its owner.");
        }
        AccountRecord account = accounts.require(principal.accountId());
        if (account.passwordHash() == null || !passwords.matches(password == null ? "" : password,
                account.passwordHash())) {
            throw DomainException.forbidden("invalid_password", "The password is wrong.");
        }
        Instant now = Instant.now();
        accounts.erase(account.id(), now);
        commands.sendAndWait(new EraseAccountCommand(account.id(), now));
    }

    private void sendVerification(AccountId id, Instant now) {
        String token = oneTimeTokens.issue(id, OneTimeTokens.VERIFY_EMAIL, now, now.plus(settings.verifyEmailTtl()));
        outbox.enqueue(id, Outbox.VERIFY_EMAIL, settings.publicBaseUrl() + "/verify-email?token=" + token, now);
    }

    private static void requireAcceptablePassword(String password) {
        PasswordPolicy.refusal(password).ifPresent(code -> {
            throw DomainException.invalid(code, switch (code) {
                case "password_too_short" -> "The password needs at least " + PasswordPolicy.MIN_LENGTH
                        + " characters.";
                case "password_too_long" -> "The password may have at most " + PasswordPolicy.MAX_LENGTH
                        + " characters.";
                default -> "The password is too common; choose another.";
            });
        });
    }
}
