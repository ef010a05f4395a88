package io.quotah.analytics.headroom;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.quotah.contracts.events.Provider;
import io.quotah.contracts.events.RateLimitSnapshot;
import io.quotah.contracts.events.RateLimitSnapshot.SnapshotSource;
import io.quotah.contracts.events.RateLimitWindow.WindowKind;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The live state of one series (a connection and model): the newest snapshot's limits, and the last few
 * samples of each window's remaining for the burn rate. Merging is order-free and idempotent, so snapshots
 * that arrive late, twice or concurrently never regress the state: only a strictly newer capture replaces
 * the numbers, and an older one still adds its sample.
 *
 * @param retryUntil until when the provider asked to wait, when it did
 * @param windows in {@link WindowKind} order
 */
record SeriesState(Provider provider, String model, SnapshotSource source, Instant capturedAt, Instant retryUntil,
        List<WindowState> windows) {

    SeriesState {
        windows = windows == null ? List.of()
                : windows.stream().sorted(Comparator.comparing(WindowState::kind)).toList();
    }

    static SeriesState of(RateLimitSnapshot snapshot) {
        Instant at = snapshot.capturedAt();
        return new SeriesState(snapshot.provider(), snapshot.model(), snapshot.source(), at,
                snapshot.retryAfter() == null ? null : at.plus(snapshot.retryAfter()),
                snapshot.windows().stream()
                        .map(window -> new WindowState(window.kind(), window.limit(), window.remaining(),
                                window.resetAt(), window.remaining() == null ? List.of()
                                        : List.of(new Sample(at, window.remaining()))))
                        .toList());
    }

    /** This state and another, keeping at most {@code maxSamples} samples per window. */
    SeriesState merge(SeriesState other, int maxSamples) {
        SeriesState newer = other.capturedAt.isAfter(capturedAt) ? other : this;
        SeriesState older = newer == this ? other : this;
        Map<WindowKind, WindowState> olderWindows = older.windows.stream()
                .collect(Collectors.toMap(WindowState::kind, Function.identity()));
        return new SeriesState(newer.provider, newer.model, newer.source, newer.capturedAt, newer.retryUntil,
                newer.windows.stream()
                        .map(window -> window.withSamples(Sample.latest(window.samples,
                                olderWindows.containsKey(window.kind) ? olderWindows.get(window.kind).samples
                                        : List.of(), maxSamples)))
                        .toList());
    }

    /** One limit window as last reported, with recent samples of its remaining, oldest first. */
    record WindowState(WindowKind kind, Long limit, Long remaining, Instant resetAt, List<Sample> samples) {

        WindowState {
            samples = samples == null ? List.of() : List.copyOf(samples);
        }

        WindowState withSamples(List<Sample> merged) {
            return new WindowState(kind, limit, remaining, resetAt, merged);
        }
    }

    /** What remained of a window at one moment; stored compactly as {@code [epochMillis, remaining]}. */
    @JsonFormat(shape = JsonFormat.Shape.ARRAY)
    @JsonPropertyOrder({"at", "remaining"})
    record Sample(Instant at, long remaining) {

        /** The newest {@code max} of both lists, one per moment, oldest first. */
        static List<Sample> latest(List<Sample> some, List<Sample> others, int max) {
            TreeMap<Instant, Sample> byTime = new TreeMap<>();
            Stream.concat(some.stream(), others.stream()).forEach(sample -> byTime.putIfAbsent(sample.at, sample));
            return byTime.descendingMap().values().stream().limit(max).sorted(Comparator.comparing(Sample::at))
                    .toList();
        }
    }
}
