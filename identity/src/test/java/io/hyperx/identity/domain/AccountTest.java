package io.hyperx.identity.domain;

import io.hyperx.identity.api.AccountErased;
import io.hyperx.identity.api.AccountId;
import io.hyperx.identity.api.AccountProfileChanged;
import io.hyperx.identity.api.AccountRegistered;
import io.hyperx.identity.api.AccountReinstated;
import io.hyperx.identity.api.AccountSuspended;
import io.hyperx.identity.api.AccountUpgradedToCreator;
import io.hyperx.identity.api.ApiKeyId;
import io.hyperx.identity.api.ApiKeyIssued;
import io.hyperx.identity.api.ApiKeyRevoked;
import io.hyperx.identity.api.Capability;
import io.hyperx.identity.api.ChangeAccountProfileCommand;
import io.hyperx.identity.api.CreatorProfileUpdated;
import io.hyperx.identity.api.EmailVerified;
import io.hyperx.identity.api.EnableTwoFactorCommand;
import io.hyperx.identity.api.EraseAccountCommand;
import io.hyperx.identity.api.IssueApiKeyCommand;
import io.hyperx.identity.api.MarkEmailVerifiedCommand;
import io.hyperx.identity.api.RecordCreatorProfileCommand;
import io.hyperx.identity.api.RegisterAccountCommand;
import io.hyperx.identity.api.ReinstateAccountCommand;
import io.hyperx.identity.api.RevokeApiKeyCommand;
import io.hyperx.identity.api.Role;
import io.hyperx.identity.api.SuspendAccountCommand;
import io.hyperx.identity.api.TwoFactorEnabled;
import io.hyperx.identity.api.UpgradeToCreatorCommand;
import io.hyperx.kernel.DomainException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** The account lifecycle, told as given / when / expect. */
class AccountTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final Instant T1 = Instant.parse("2026-11-23T11:00:00Z");

    private final AccountId id = new AccountId(UUID.fromString("00000000-0000-0000-0000-0000000000a1"));
    private final AccountId admin = new AccountId(UUID.fromString("00000000-0000-0000-0000-0000000000ad"));
    private final ApiKeyId key = new ApiKeyId(UUID.fromString("00000000-0000-0000-0000-00000000000b"));
    private AggregateTestFixture<Account> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Account.class);
    }

    private AccountRegistered registeredFan() {
        return new AccountRegistered(id, Role.FAN, T0);
    }

    @Test
    void registeringRecordsTheRoleAndNothingPersonal() {
        fixture.givenNoPriorActivity()
                .when(new RegisterAccountCommand(id, Role.CREATOR, T0))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new AccountRegistered(id, Role.CREATOR, T0));
    }

    @Test
    void verifyingTheEmailTwiceRecordsItOnce() {
        fixture.given(registeredFan(), new EmailVerified(id, T0))
                .when(new MarkEmailVerifiedCommand(id, T1))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void twoFactorCanBeEnabledOnlyOnce() {
        fixture.given(registeredFan())
                .when(new EnableTwoFactorCommand(id, T1))
                .expectEvents(new TwoFactorEnabled(id, T1));
        fixture.given(registeredFan(), new TwoFactorEnabled(id, T0))
                .when(new EnableTwoFactorCommand(id, T1))
                .expectException(DomainException.class)
                .expectExceptionMessage("Two-factor authentication is already on.");
    }

    @Test
    void aFanUpgradesToCreatorButACreatorCannotUpgradeAgain() {
        fixture.given(registeredFan())
                .when(new UpgradeToCreatorCommand(id, T1))
                .expectEvents(new AccountUpgradedToCreator(id, T1));
        fixture.given(registeredFan(), new AccountUpgradedToCreator(id, T0))
                .when(new UpgradeToCreatorCommand(id, T1))
                .expectException(DomainException.class)
                .expectNoEvents();
    }

    @Test
    void aSuspendedFanCannotUpgrade() {
        fixture.given(registeredFan(), new AccountSuspended(id, admin, T0))
                .when(new UpgradeToCreatorCommand(id, T1))
                .expectException(DomainException.class)
                .expectExceptionMessage("The account is suspended.");
    }

    @Test
    void suspendingIsIdempotentAndReinstatingLiftsIt() {
        fixture.given(registeredFan())
                .when(new SuspendAccountCommand(id, admin, T1))
                .expectEvents(new AccountSuspended(id, admin, T1));
        fixture.given(registeredFan(), new AccountSuspended(id, admin, T0))
                .when(new SuspendAccountCommand(id, admin, T1))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(registeredFan(), new AccountSuspended(id, admin, T0))
                .when(new ReinstateAccountCommand(id, admin, T1))
                .expectEvents(new AccountReinstated(id, admin, T1));
    }

    @Test
    void reinstatingAnActiveAccountIsRefused() {
        fixture.given(registeredFan())
                .when(new ReinstateAccountCommand(id, admin, T1))
                .expectException(DomainException.class)
                .expectExceptionMessage("The account is not suspended.");
    }

    @Test
    void anAdminCannotBeSuspended() {
        fixture.given(new AccountRegistered(id, Role.ADMIN, T0))
                .when(new SuspendAccountCommand(id, admin, T1))
                .expectException(DomainException.class)
                .expectNoEvents();
    }

    @Test
    void erasingRevokesEveryApiKeyAndIsFinal() {
        fixture.given(registeredFan(), new ApiKeyIssued(id, key, Set.of(Capability.TIPS_CREATE), null, T0))
                .when(new EraseAccountCommand(id, T1))
                .expectEvents(new ApiKeyRevoked(id, key, T1), new AccountErased(id, T1));
        fixture.given(registeredFan(), new AccountErased(id, T0))
                .when(new MarkEmailVerifiedCommand(id, T1))
                .expectException(DomainException.class)
                .expectExceptionMessage("The account has been erased.");
        fixture.given(registeredFan(), new AccountErased(id, T0))
                .when(new EraseAccountCommand(id, T1))
                .expectException(DomainException.class);
    }

    @Test
    void apiKeyScopesCannotExceedTheRolesCapabilities() {
        fixture.given(registeredFan())
                .when(new IssueApiKeyCommand(id, key, Set.of(Capability.TIPS_CREATE), null, T1))
                .expectEvents(new ApiKeyIssued(id, key, Set.of(Capability.TIPS_CREATE), null, T1));
        fixture.given(registeredFan())
                .when(new IssueApiKeyCommand(id, key, Set.of(Capability.TIERS_WRITE), null, T1))
                .expectException(DomainException.class)
                .expectNoEvents();
    }

    @Test
    void onlyAnActiveKeyCanBeRevoked() {
        fixture.given(registeredFan(), new ApiKeyIssued(id, key, Set.of(Capability.TIPS_CREATE), null, T0))
                .when(new RevokeApiKeyCommand(id, key, T1))
                .expectEvents(new ApiKeyRevoked(id, key, T1));
        fixture.given(registeredFan(), new ApiKeyIssued(id, key, Set.of(Capability.TIPS_CREATE), null, T0),
                        new ApiKeyRevoked(id, key, T0))
                .when(new RevokeApiKeyCommand(id, key, T1))
                .expectException(DomainException.class);
    }

    @Test
    void onlyCreatorsHaveAProfile() {
        fixture.given(registeredFan())
                .when(new RecordCreatorProfileCommand(id, true, T1))
                .expectException(DomainException.class)
                .expectExceptionMessage("Only creators have a creator profile.");
        fixture.given(registeredFan(), new AccountUpgradedToCreator(id, T0))
                .when(new RecordCreatorProfileCommand(id, true, T1))
                .expectEvents(new CreatorProfileUpdated(id, true, T1));
    }

    @Test
    void changingTheProfileRecordsWhichFieldsChangedOnly() {
        fixture.given(registeredFan())
                .when(new ChangeAccountProfileCommand(id, Set.of("displayName"), T1))
                .expectEvents(new AccountProfileChanged(id, Set.of("displayName"), T1));
        fixture.given(registeredFan())
                .when(new ChangeAccountProfileCommand(id, Set.of(), T1))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aSuspendedAccountCannotChangeItsProfile() {
        fixture.given(registeredFan(), new AccountSuspended(id, admin, T0))
                .when(new ChangeAccountProfileCommand(id, Set.of("avatarUrl"), T1))
                .expectException(DomainException.class)
                .expectExceptionMessage("The account is suspended.");
    }
}
