package io.quotah.auth.sessions;

import io.quotah.auth.config.AuthProperties;
import io.quotah.auth.keycloak.KeycloakAccounts;
import io.quotah.auth.keycloak.KeycloakTokens;
import io.quotah.auth.keycloak.KeycloakTokens.Tokens;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Signing in and out. The access token goes to the page (which keeps it in memory); the refresh token
 * never does: it lives in an HttpOnly, SameSite=Strict cookie scoped to {@code /api/auth}, Secure except
 * on localhost.
 */
@RestController
@RequestMapping("/api/auth")
class SessionController {

    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");

    private final KeycloakTokens tokens;
    private final KeycloakAccounts accounts;
    private final AuthProperties properties;

    SessionController(KeycloakTokens tokens, KeycloakAccounts accounts, AuthProperties properties) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.properties = properties;
    }

    @PostMapping("/login")
    ResponseEntity<AccessToken> login(@Valid @RequestBody Credentials credentials, HttpServletRequest request) {
        String email = credentials.email().trim().toLowerCase(Locale.ROOT);
        return tokens.signIn(email, credentials.password())
                .map(signedIn -> withSession(signedIn, request))
                .orElseThrow(() -> refusal(email));
    }

    @PostMapping("/refresh")
    ResponseEntity<AccessToken> refresh(@CookieValue(name = "${quotah.auth.refresh-cookie:quotah_refresh}",
            required = false) String refreshToken, HttpServletRequest request) {
        if (refreshToken == null) {
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "No session: sign in");
        }
        return tokens.refresh(refreshToken)
                .map(refreshed -> withSession(refreshed, request))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED,
                        "The session has ended: sign in again"));
    }

    @PostMapping("/logout")
    ResponseEntity<Void> logout(@CookieValue(name = "${quotah.auth.refresh-cookie:quotah_refresh}",
            required = false) String refreshToken, HttpServletRequest request) {
        if (refreshToken != null) {
            tokens.signOut(refreshToken);
        }
        return ResponseEntity.noContent()
                .header(HttpHeaders.SET_COOKIE, cookie("", Duration.ZERO, request).toString())
                .build();
    }

    /** One answer for an unknown email and a wrong password; a locked account is said to be locked. */
    private ResponseStatusException refusal(String email) {
        boolean locked = accounts.idOf(email).map(accounts::isLockedOut).orElse(false);
        return locked
                ? new ResponseStatusException(HttpStatus.LOCKED,
                        "Too many failed attempts: this account is locked for a while")
                : new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Wrong email or password");
    }

    private ResponseEntity<AccessToken> withSession(Tokens issued, HttpServletRequest request) {
        return ResponseEntity.ok()
                .header(HttpHeaders.SET_COOKIE,
                        cookie(issued.refreshToken(), Duration.ofSeconds(issued.refreshExpiresIn()), request).toString())
                .body(new AccessToken(issued.accessToken(), "Bearer", issued.expiresIn()));
    }

    private ResponseCookie cookie(String value, Duration maxAge, HttpServletRequest request) {
        return ResponseCookie.from(properties.refreshCookie(), value)
                .httpOnly(true)
                .secure(!LOCAL_HOSTS.contains(request.getServerName()))
                .sameSite("Strict")
                .path("/api/auth")
                .maxAge(maxAge)
                .build();
    }

    record Credentials(@NotBlank(message = "is required") String email,
            @NotBlank(message = "is required") String password) {
    }

    /** What the page keeps in memory; {@code expiresIn} in seconds. */
    record AccessToken(String accessToken, String tokenType, long expiresIn) {
    }
}
