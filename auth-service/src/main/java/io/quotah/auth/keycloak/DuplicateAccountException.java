package io.quotah.auth.keycloak;

/** An account with this email exists already. */
public class DuplicateAccountException extends RuntimeException {

    public DuplicateAccountException() {
        super("An account with this email already exists");
    }
}
