package io.quotah.poller.web;

/** The request would duplicate what the workspace already has: a 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
