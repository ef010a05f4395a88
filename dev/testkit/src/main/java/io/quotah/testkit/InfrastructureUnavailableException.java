package io.quotah.testkit;

/** None of the ways to get a piece of infrastructure worked; the message says what to start. */
public class InfrastructureUnavailableException extends RuntimeException {

    public InfrastructureUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
