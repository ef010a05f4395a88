package io.quotah.poller.connections;

/** A request names a key (or provider) that cannot be right, found before any call to the provider. */
class InvalidKeyException extends RuntimeException {

    private final String field;

    InvalidKeyException(String field, String message) {
        super(message);
        this.field = field;
    }

    String field() {
        return field;
    }
}
