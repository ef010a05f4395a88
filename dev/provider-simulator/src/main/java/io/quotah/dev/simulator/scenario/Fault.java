package io.quotah.dev.simulator.scenario;

/** A key's current fault; {@code slowMillis} only matters for {@link FaultType#SLOW}. */
public record Fault(FaultType type, long slowMillis) {

    public static final Fault NONE = new Fault(FaultType.NONE, 0);

    public Fault {
        if (type == null) {
            type = FaultType.NONE;
        }
        if (slowMillis < 0) {
            throw new ScenarioException("slowMillis must not be negative: " + slowMillis);
        }
        if (type == FaultType.SLOW && slowMillis == 0) {
            throw new ScenarioException("a slow fault needs slowMillis > 0");
        }
    }

    public static Fault of(FaultType type) {
        return new Fault(type, 0);
    }

    public static Fault slow(long millis) {
        return new Fault(FaultType.SLOW, millis);
    }

    /** A slow fault keeps the answer back for {@code slowMillis}, as an overloaded provider would. */
    public void holdTheAnswer() {
        try {
            Thread.sleep(slowMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
