package io.hyperx.identity.web;

import io.hyperx.identity.api.AccountId;
import io.hyperx.identity.api.AccountPrincipal;
import io.hyperx.identity.api.Capability;
import io.hyperx.identity.api.RequiresCapability;
import io.hyperx.identity.application.AccountService;
import io.hyperx.identity.web.AuthMessages.AccountPatchRequest;
import io.hyperx.identity.web.AuthMessages.AccountResponse;
import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** Account changes: the owner's display name and avatar; a fan upgrading to creator; admins suspending and reinstating accounts. */
@RestController
class AccountController {

    private final AccountService accounts;

    AccountController(AccountService accounts) {
        this.accounts = accounts;
    }

    @PatchMapping("/api/v1/me")
    @RequiresCapability(Capability.ACCOUNT_SELF)
    AccountResponse changeProfile(@AuthenticationPrincipal AccountPrincipal principal,
                                  @Valid @RequestBody AccountPatchRequest request) {
        return AccountResponse.of(accounts.changeProfile(principal, request.displayName(), request.avatarUrl()));
    }

    /** Takes effect on the next request (the role is read per request); refresh for a token with the new role. */
    @PostMapping("/api/v1/accounts/{id}/upgrade")
    @RequiresCapability(Capability.ACCOUNT_UPGRADE)
    AccountResponse upgrade(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id) {
        return AccountResponse.of(accounts.upgrade(principal, new AccountId(id)));
    }

    @PostMapping("/api/v1/admin/accounts/{id}/suspend")
    @RequiresCapability(Capability.ACCOUNTS_SUSPEND)
    AccountResponse suspend(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id) {
        return AccountResponse.of(accounts.suspend(principal, new AccountId(id)));
    }

    @PostMapping("/api/v1/admin/accounts/{id}/reinstate")
    @RequiresCapability(Capability.ACCOUNTS_SUSPEND)
    AccountResponse reinstate(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id) {
        return AccountResponse.of(accounts.reinstate(principal, new AccountId(id)));
    }
}
