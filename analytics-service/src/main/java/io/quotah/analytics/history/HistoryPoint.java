package io.quotah.analytics.history;

import io.quotah.contracts.events.RateLimitWindow.WindowKind;
import java.math.BigDecimal;
import java.time.Instant;

/** One window at one moment of a key's history; an unknown number is null, never 0. */
record HistoryPoint(Instant capturedAt, String model, WindowKind kind, Long limit, Long remaining,
        BigDecimal usedPercent) {
}
