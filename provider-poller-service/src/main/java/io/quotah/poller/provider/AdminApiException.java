package io.quotah.poller.provider;

/** The Admin API did not answer as documented; the message says how, without the key. */
public class AdminApiException extends RuntimeException {

    public AdminApiException(String message) {
        super(message);
    }
}
