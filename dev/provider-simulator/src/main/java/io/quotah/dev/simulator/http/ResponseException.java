package io.quotah.dev.simulator.http;

/** Ends a request early with a ready response (an auth failure, a bad parameter, a fault). */
public final class ResponseException extends RuntimeException {

    private final transient SimResponse response;

    public ResponseException(SimResponse response) {
        super("HTTP " + response.status(), null, false, false);
        this.response = response;
    }

    public SimResponse response() {
        return response;
    }
}
