package io.quotah.contracts.serde;

import java.util.List;

/** A record that is not a valid event: each violation names the field, e.g. {@code $.windows[0].limit}. */
public class InvalidEventException extends RuntimeException {

    private final List<String> violations;

    public InvalidEventException(String eventType, List<String> violations) {
        super("invalid " + eventType + ": " + String.join("; ", violations));
        this.violations = List.copyOf(violations);
    }

    public List<String> violations() {
        return violations;
    }
}
