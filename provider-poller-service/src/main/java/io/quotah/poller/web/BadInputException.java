package io.quotah.poller.web;

/** A request that cannot be right, found by the service: a 400 naming {@link #field()}. */
public class BadInputException extends RuntimeException {

    private final String field;

    public BadInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
