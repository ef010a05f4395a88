package io.quotah.analytics.web;

/** A request parameter that is wrong: answered 400, naming the parameter and what is wrong with it. */
public class InvalidParameterException extends RuntimeException {

    private final String field;

    public InvalidParameterException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
