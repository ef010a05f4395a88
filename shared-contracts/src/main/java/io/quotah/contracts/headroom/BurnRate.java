package io.quotah.contracts.headroom;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * When a window runs out at its recent burn rate: the least-squares slope of remaining over the samples of
 * the last few minutes, carried from the newest sample down to zero. One rule for the Rate Limits page and the
 * exhaustion-forecast alerts, so that what an alert says is what the page shows.
 */
public final class BurnRate {

    /** Farther than this is no forecast: every window Quotah watches resets long before. */
    public static final Duration HORIZON = Duration.ofDays(31);

    private BurnRate() {
    }

    /**
     * When the window is exhausted: empty when it is not draining (flat or refilling), or when fewer than two
     * samples since {@code now - lookback} make no slope. A window at zero is exhausted since it was first
     * seen at zero, however few the samples.
     */
    public static Optional<Instant> exhaustsAt(List<Sample> samples, Instant now, Duration lookback) {
        Instant since = now.minus(lookback);
        List<Sample> recent = samples.stream().filter(sample -> !sample.at().isBefore(since))
                .sorted(Comparator.comparing(Sample::at)).toList();
        if (recent.isEmpty()) {
            return Optional.empty();
        }
        Sample newest = recent.getLast();
        if (newest.remaining() == 0) {
            return Optional.of(firstOfTrailingZeros(recent));
        }
        if (recent.size() < 2) {
            return Optional.empty();
        }
        double slopePerSecond = slope(recent);
        if (!(slopePerSecond < 0)) {
            return Optional.empty();
        }
        double secondsLeft = newest.remaining() / -slopePerSecond;
        if (secondsLeft > HORIZON.toSeconds()) {
            return Optional.empty();
        }
        return Optional.of(newest.at().plusMillis(Math.round(secondsLeft * 1000)));
    }

    /** Least-squares slope of remaining over time, per second; NaN when all samples share one moment. */
    private static double slope(List<Sample> samples) {
        long origin = samples.getFirst().at().toEpochMilli();
        double meanX = 0;
        double meanY = 0;
        for (Sample sample : samples) {
            meanX += (sample.at().toEpochMilli() - origin) / 1000.0;
            meanY += sample.remaining();
        }
        meanX /= samples.size();
        meanY /= samples.size();
        double covariance = 0;
        double variance = 0;
        for (Sample sample : samples) {
            double dx = (sample.at().toEpochMilli() - origin) / 1000.0 - meanX;
            covariance += dx * (sample.remaining() - meanY);
            variance += dx * dx;
        }
        return covariance / variance;
    }

    private static Instant firstOfTrailingZeros(List<Sample> ascending) {
        Instant first = ascending.getLast().at();
        for (int i = ascending.size() - 1; i >= 0 && ascending.get(i).remaining() == 0; i--) {
            first = ascending.get(i).at();
        }
        return first;
    }

    /** One reading of a window's remaining count. */
    public record Sample(Instant at, long remaining) {
    }
}
