package io.quotah.localstack;

/** Something the person running the stack must fix; the message says what, in their words. */
class StackException extends RuntimeException {

    StackException(String message) {
        super(message);
    }

    StackException(String message, Throwable cause) {
        super(message, cause);
    }
}
