package io.quotah.alert.evaluation;

import io.quotah.alert.observations.WindowObservations.Sample;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When a window runs out at its recent pace, worked out as the Rate Limits page works it out: the least-squares
 * slope of remaining over the recent readings, carried from the newest reading down to zero.
 */
final class BurnRate {

    /** Farther than this is no forecast: every window Quotah watches resets long before. */
    static final Duration HORIZON = Duration.ofDays(31);

    private BurnRate() {
    }

    /**
     * When the window is exhausted: empty when it is not draining, or when fewer than two readings make no slope. A
     * window at zero is exhausted since it was first seen at zero.
     *
     * @param ascending the window's recent readings, oldest first
     */
    static Optional<Instant> exhaustsAt(List<Sample> ascending) {
        if (ascending.isEmpty()) {
            return Optional.empty();
        }
        Sample newest = ascending.getLast();
        if (newest.remaining() == 0) {
            Instant firstZero = newest.at();
            for (int i = ascending.size() - 1; i >= 0 && ascending.get(i).remaining() == 0; i--) {
                firstZero = ascending.get(i).at();
            }
            return Optional.of(firstZero);
        }
        if (ascending.size() < 2) {
            return Optional.empty();
        }
        double perSecond = slope(ascending);
        if (!(perSecond < 0)) {
            return Optional.empty();
        }
        double secondsLeft = newest.remaining() / -perSecond;
        return secondsLeft > HORIZON.toSeconds() ? Optional.empty()
                : Optional.of(newest.at().plusMillis(Math.round(secondsLeft * 1000)));
    }

    /** Remaining per second, least squares; NaN when every reading is of one moment. */
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
}
