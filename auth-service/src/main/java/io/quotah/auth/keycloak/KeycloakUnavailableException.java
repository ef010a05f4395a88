package io.quotah.auth.keycloak;

/** Keycloak did not answer, or answered with a fault of its own: a 503 for the caller, who may try again. */
public class KeycloakUnavailableException extends RuntimeException {

    KeycloakUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
