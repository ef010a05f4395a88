package io.quotah.dev.simulator.usage;

import java.time.Instant;

/** Usage of one key and model in one minute; {@code model} is the name the provider reports. */
public record UsageEntry(Instant minute, String keyId, String model, UsageCounts counts) {

    public boolean within(Instant start, Instant end) {
        return !minute.isBefore(start) && minute.isBefore(end);
    }
}
