package io.quotah.poller.connections;

import io.quotah.poller.web.BadInputException;

/** A request names a key (or provider) that cannot be right, found before any call to the provider. */
class InvalidKeyException extends BadInputException {

    InvalidKeyException(String field, String message) {
        super(field, message);
    }
}
