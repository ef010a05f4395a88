package io.quotah.poller.web;

/** Nothing of that id in the caller's workspace: a 404, whether it exists elsewhere or not. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
