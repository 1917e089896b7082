package io.hyperx.identity.domain;

import io.hyperx.identity.api.AccountErased;
import io.hyperx.identity.api.AccountId;
import io.hyperx.identity.api.AccountProfileChanged;
import io.hyperx.identity.api.AccountRegistered;
import io.hyperx.identity.api.AccountReinstated;
import io.hyperx.identity.api.AccountStatus;
import io.hyperx.identity.api.AccountSuspended;
import io.hyperx.identity.api.AccountUpgradedToCreator;
import io.hyperx.identity.api.ChangeAccountProfileCommand;
import io.hyperx.identity.api.ApiKeyId;
import io.hyperx.identity.api.ApiKeyIssued;
import io.hyperx.identity.api.ApiKeyRevoked;
import io.hyperx.identity.api.CreatorProfileUpdated;
import io.hyperx.identity.api.EmailVerified;
import io.hyperx.identity.api.EnableTwoFactorCommand;
import io.hyperx.identity.api.EraseAccountCommand;
import io.hyperx.identity.api.IssueApiKeyCommand;
import io.hyperx.identity.api.MarkEmailVerifiedCommand;
import io.hyperx.identity.api.PasswordReset;
import io.hyperx.identity.api.RecordCreatorProfileCommand;
import io.hyperx.identity.api.RecordPasswordResetCommand;
import io.hyperx.identity.api.RegisterAccountCommand;
import io.hyperx.identity.api.ReinstateAccountCommand;
import io.hyperx.identity.api.RevokeApiKeyCommand;
import io.hyperx.identity.api.Role;
import io.hyperx.identity.api.SuspendAccountCommand;
import io.hyperx.identity.api.TwoFactorEnabled;
import io.hyperx.identity.api.UpgradeToCreatorCommand;
import io.hyperx.kernel.DomainException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An account's lifecycle: registered with a role, e-mail verified, two-factor on, upgraded, suspended and
 * reinstated, profile changed, erased (terminal). It holds no personal data: e-mail, display name and credentials live in
 * identity's tables, written in the same transaction as the command.
 */
@Aggregate
public class Account {

    @AggregateIdentifier
    private AccountId id;
    private Role role;
    private AccountStatus status;
    private boolean emailVerified;
    private boolean twoFactorEnabled;
    private final Set<ApiKeyId> activeApiKeys = new HashSet<>();

    protected Account() {
        // for Axon
    }

    @CommandHandler
    public Account(RegisterAccountCommand command) {
        apply(new AccountRegistered(command.accountId(), command.role(), command.at()));
    }

    @CommandHandler
    void handle(MarkEmailVerifiedCommand command) {
        requireNotErased();
        if (!emailVerified) {
            apply(new EmailVerified(id, command.at()));
        }
    }

    @CommandHandler
    void handle(RecordPasswordResetCommand command) {
        requireNotErased();
        apply(new PasswordReset(id, command.at()));
    }

    @CommandHandler
    void handle(EnableTwoFactorCommand command) {
        requireActive();
        if (twoFactorEnabled) {
            throw DomainException.conflict("two_factor_already_enabled", "Two-factor authentication is already on.");
        }
        apply(new TwoFactorEnabled(id, command.at()));
    }

    @CommandHandler
    void handle(UpgradeToCreatorCommand command) {
        requireActive();
        if (role != Role.FAN) {
            throw DomainException.conflict("already_creator", "Only a fan account can be upgraded to a creator.");
        }
        apply(new AccountUpgradedToCreator(id, command.at()));
    }

    @CommandHandler
    void handle(SuspendAccountCommand command) {
        requireNotErased();
        if (role == Role.ADMIN) {
            throw DomainException.conflict("admin_not_suspendable", "An admin account cannot be suspended.");
        }
        if (status != AccountStatus.SUSPENDED) {
            apply(new AccountSuspended(id, command.suspendedBy(), command.at()));
        }
    }

    @CommandHandler
    void handle(ReinstateAccountCommand command) {
        requireNotErased();
        if (status != AccountStatus.SUSPENDED) {
            throw DomainException.conflict("not_suspended", "The account is not suspended.");
        }
        apply(new AccountReinstated(id, command.reinstatedBy(), command.at()));
    }

    @CommandHandler
    void handle(EraseAccountCommand command) {
        requireNotErased();
        for (ApiKeyId key : Set.copyOf(activeApiKeys)) {
            apply(new ApiKeyRevoked(id, key, command.at()));
        }
        apply(new AccountErased(id, command.at()));
    }

    @CommandHandler
    void handle(IssueApiKeyCommand command) {
        requireActive();
        ApiKeyScopePolicy.requireWithin(command.scopes(), role.capabilities());
        apply(new ApiKeyIssued(id, command.apiKeyId(), Set.copyOf(command.scopes()), command.expiresAt(),
                command.at()));
    }

    @CommandHandler
    void handle(RevokeApiKeyCommand command) {
        requireNotErased();
        if (!activeApiKeys.contains(command.apiKeyId())) {
            throw DomainException.notFound("api_key_not_found", "No such active API key.");
        }
        apply(new ApiKeyRevoked(id, command.apiKeyId(), command.at()));
    }

    @CommandHandler
    void handle(ChangeAccountProfileCommand command) {
        requireActive();
        if (!command.changedFields().isEmpty()) {
            apply(new AccountProfileChanged(id, Set.copyOf(command.changedFields()), command.at()));
        }
    }

    @CommandHandler
    void handle(RecordCreatorProfileCommand command) {
        requireActive();
        if (role == Role.FAN) {
            throw DomainException.forbidden("not_a_creator", "Only creators have a creator profile.");
        }
        apply(new CreatorProfileUpdated(id, command.published(), command.at()));
    }

    private void requireNotErased() {
        if (status == AccountStatus.ERASED) {
            throw DomainException.conflict("account_erased", "The account has been erased.");
        }
    }

    private void requireActive() {
        requireNotErased();
        if (status == AccountStatus.SUSPENDED) {
            throw DomainException.forbidden("account_suspended", "The account is suspended.");
        }
    }

    @EventSourcingHandler
    void on(AccountRegistered event) {
        id = event.accountId();
        role = event.role();
        status = AccountStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(EmailVerified event) {
        emailVerified = true;
    }

    @EventSourcingHandler
    void on(TwoFactorEnabled event) {
        twoFactorEnabled = true;
    }

    @EventSourcingHandler
    void on(AccountUpgradedToCreator event) {
        role = Role.CREATOR;
    }

    @EventSourcingHandler
    void on(AccountSuspended event) {
        status = AccountStatus.SUSPENDED;
    }

    @EventSourcingHandler
    void on(AccountReinstated event) {
        status = AccountStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(AccountErased event) {
        status = AccountStatus.ERASED;
    }

    @EventSourcingHandler
    void on(ApiKeyIssued event) {
        activeApiKeys.add(event.apiKeyId());
    }

    @EventSourcingHandler
    void on(ApiKeyRevoked event) {
        activeApiKeys.remove(event.apiKeyId());
    }
}
