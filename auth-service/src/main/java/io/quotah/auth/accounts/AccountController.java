package io.quotah.auth.accounts;

import io.quotah.auth.keycloak.KeycloakAccounts;
import io.quotah.auth.keycloak.KeycloakTokens;
import io.quotah.contracts.events.UserDeleted;
import io.quotah.platform.outbox.Outbox;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Opening, reading and closing an account. */
@RestController
@RequestMapping("/api/auth")
class AccountController {

    private static final Logger log = LoggerFactory.getLogger(AccountController.class);

    private final KeycloakAccounts accounts;
    private final KeycloakTokens tokens;
    private final Outbox outbox;

    AccountController(KeycloakAccounts accounts, KeycloakTokens tokens, Outbox outbox) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.outbox = outbox;
    }

    @PostMapping("/register")
    ResponseEntity<AccountView> register(@Valid @RequestBody Registration registration) {
        String email = registration.email().trim().toLowerCase(Locale.ROOT);
        String displayName = registration.displayName().trim();
        String id = accounts.create(email, registration.password(), displayName);
        log.info("account {} registered", id);
        return ResponseEntity.created(URI.create("/api/auth/me")).body(new AccountView(id, email, displayName, id));
    }

    @GetMapping("/me")
    AccountView me(@AuthenticationPrincipal Jwt token) {
        return new AccountView(token.getSubject(), token.getClaimAsString("email"),
                token.getClaimAsString("given_name"), token.getSubject());
    }

    /** Closing an account asks for the password again; every service then deletes the workspace's data. */
    @DeleteMapping("/me")
    @Transactional
    ResponseEntity<Void> close(@AuthenticationPrincipal Jwt token, @Valid @RequestBody Confirmation confirmation) {
        if (tokens.signIn(token.getClaimAsString("email"), confirmation.password()).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "The password is not this account's password");
        }
        // The event is committed with this transaction; if Keycloak refuses, both roll back together.
        outbox.append(UserDeleted.of(token.getSubject(), token.getSubject()));
        accounts.delete(token.getSubject());
        log.info("account {} closed", token.getSubject());
        return ResponseEntity.noContent().build();
    }

    record Confirmation(@NotBlank(message = "is required") String password) {
    }
}
