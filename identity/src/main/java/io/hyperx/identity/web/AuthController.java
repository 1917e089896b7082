package io.hyperx.identity.web;

import io.hyperx.identity.api.AccountPrincipal;
import io.hyperx.identity.api.Capability;
import io.hyperx.identity.api.PublicEndpoint;
import io.hyperx.identity.api.RateLimited;
import io.hyperx.identity.api.RequiresCapability;
import io.hyperx.identity.api.Role;
import io.hyperx.identity.application.AccountService;
import io.hyperx.identity.application.Accounts;
import io.hyperx.identity.application.SessionService;
import io.hyperx.identity.application.TwoFactorService;
import io.hyperx.identity.web.AuthMessages.AccountResponse;
import io.hyperx.identity.web.AuthMessages.CodeRequest;
import io.hyperx.identity.web.AuthMessages.EmailRequest;
import io.hyperx.identity.web.AuthMessages.LoginRequest;
import io.hyperx.identity.web.AuthMessages.PasswordRequest;
import io.hyperx.identity.web.AuthMessages.RefreshRequest;
import io.hyperx.identity.web.AuthMessages.RegisterRequest;
import io.hyperx.identity.web.AuthMessages.ResetPasswordRequest;
import io.hyperx.identity.web.AuthMessages.TokenPairResponse;
import io.hyperx.identity.web.AuthMessages.TokenRequest;
import io.hyperx.kernel.DomainException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.Map;

/** Registration, sessions, e-mail verification, password reset, two-factor, erasure. */
@RestController
@RequestMapping("/api/v1/auth")
class AuthController {

    static final String LOGIN_LIMIT = "login";

    private final AccountService accounts;
    private final SessionService sessions;
    private final TwoFactorService twoFactor;
    private final RateLimiter rateLimiter;

    AuthController(AccountService accounts, SessionService sessions, TwoFactorService twoFactor,
                   RateLimiter rateLimiter) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.twoFactor = twoFactor;
        this.rateLimiter = rateLimiter;
    }

    @PostMapping("/register")
    @PublicEndpoint
    @RateLimited(value = "register", per = RateLimited.Per.IP)
    ResponseEntity<TokenPairResponse> register(@Valid @RequestBody RegisterRequest request) {
        var pair = accounts.register(request.email(), request.password(), request.displayName(),
                Role.fromWireName(request.role()));
        return ResponseEntity.created(URI.create("/api/v1/auth/me")).body(TokenPairResponse.of(pair, true));
    }

    /** Limited per client IP and e-mail; a wrong password and an unknown e-mail answer the same 401. */
    @PostMapping("/login")
    @PublicEndpoint
    TokenPairResponse login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
        rateLimiter.consume(LOGIN_LIMIT, http.getRemoteAddr() + "|" + Accounts.normalizeEmail(request.email()));
        return TokenPairResponse.of(sessions.login(request.email(), request.password(), request.code()), false);
    }

    @PostMapping("/refresh")
    @PublicEndpoint
    @RateLimited(value = "refresh", per = RateLimited.Per.IP)
    TokenPairResponse refresh(@Valid @RequestBody RefreshRequest request) {
        return TokenPairResponse.of(sessions.refresh(request.refreshToken()), false);
    }

    /** Revokes the refresh token's family; holding the refresh token is the credential. */
    @PostMapping("/logout")
    @PublicEndpoint
    ResponseEntity<Void> logout(@Valid @RequestBody RefreshRequest request) {
        sessions.logout(request.refreshToken());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/me")
    @RequiresCapability(Capability.ACCOUNT_SELF)
    AccountResponse me(@AuthenticationPrincipal AccountPrincipal principal) {
        return AccountResponse.of(accounts.details(principal.accountId()));
    }

    @DeleteMapping("/me")
    @RequiresCapability(Capability.ACCOUNT_SELF)
    ResponseEntity<Void> erase(@AuthenticationPrincipal AccountPrincipal principal,
                               @Valid @RequestBody PasswordRequest request) {
        accounts.erase(principal, request.password());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/verify-email")
    @PublicEndpoint
    @RateLimited(value = "one-time-token", per = RateLimited.Per.IP)
    Map<String, Boolean> verifyEmail(@Valid @RequestBody TokenRequest request) {
        accounts.verifyEmail(request.token());
        return Map.of("emailVerified", true);
    }

    @PostMapping("/forgot-password")
    @PublicEndpoint
    @RateLimited(value = "forgot-password", per = RateLimited.Per.IP)
    ResponseEntity<Void> forgotPassword(@Valid @RequestBody EmailRequest request) {
        accounts.forgotPassword(request.email());
        return ResponseEntity.accepted().build();
    }

    @PostMapping("/reset-password")
    @PublicEndpoint
    @RateLimited(value = "one-time-token", per = RateLimited.Per.IP)
    ResponseEntity<Void> resetPassword(@Valid @RequestBody ResetPasswordRequest request) {
        accounts.resetPassword(request.token(), request.newPassword());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/2fa/enable")
    @RequiresCapability(Capability.ACCOUNT_SELF)
    TwoFactorService.Enrollment enableTwoFactor(@AuthenticationPrincipal AccountPrincipal principal) {
        requirePerson(principal);
        return twoFactor.enable(principal.accountId());
    }

    @PostMapping("/2fa/verify")
    @RequiresCapability(Capability.ACCOUNT_SELF)
    Map<String, Boolean> verifyTwoFactor(@AuthenticationPrincipal AccountPrincipal principal,
                                         @Valid @RequestBody CodeRequest request) {
        requirePerson(principal);
        twoFactor.verify(principal.accountId(), request.code());
        return Map.of("twoFactorEnabled", true);
    }

    /** Credentials are changed by the person, never by an API key acting for them. */
    private static void requirePerson(AccountPrincipal principal) {
        if (principal.viaApiKey()) {
            throw DomainException.forbidden("api_key_not_allowed", "Two-factor settings need the owner's login.");
        }
    }
}
