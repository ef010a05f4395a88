package io.quotah.dev.simulator.scenario;

/** A scenario that cannot be run, with a message naming the offending key or field. */
public final class ScenarioException extends IllegalArgumentException {

    public ScenarioException(String message) {
        super(message);
    }

    public ScenarioException(String message, Throwable cause) {
        super(message, cause);
    }
}
