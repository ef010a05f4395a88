package io.quotah.analytics.headroom;

import io.quotah.analytics.headroom.RateLimitsView.Status;
import io.quotah.contracts.headroom.UsedPercent;
import io.quotah.contracts.headroom.BurnRate;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Turns a workspace's cached headroom into the answer: used share and status of every window, staleness, and
 * the forecast of when a draining window runs out. Pure: the same cache and clock give the same answer.
 *
 * @param staleAfter limits older than this are stale
 * @param lookback samples this recent make the burn rate
 */
record HeadroomReport(Duration staleAfter, Duration lookback) {

    private static final BigDecimal WARNING_FROM = BigDecimal.valueOf(70);
    private static final BigDecimal CRITICAL_FROM = BigDecimal.valueOf(90);

    private static final Comparator<RateLimitsView.Key> KEY_ORDER = Comparator
            .comparing(RateLimitsView.Key::provider)
            .thenComparing(RateLimitsView.Key::label, Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER))
            .thenComparing(key -> key.keyId().toString());

    RateLimitsView of(CachedWorkspace workspace, Instant now) {
        Map<UUID, List<SeriesState>> seriesByKey = new HashMap<>();
        for (CachedWorkspace.Series series : workspace.series()) {
            seriesByKey.computeIfAbsent(series.connectionId(), id -> new ArrayList<>()).add(series.state());
        }
        Set<UUID> keyIds = new LinkedHashSet<>(workspace.connections().keySet());
        keyIds.addAll(seriesByKey.keySet());
        List<RateLimitsView.Key> keys = keyIds.stream()
                .map(id -> key(id, workspace.connections().get(id), seriesByKey.getOrDefault(id, List.of()), now))
                .sorted(KEY_ORDER)
                .toList();
        return new RateLimitsView(now.truncatedTo(ChronoUnit.MILLIS), keys);
    }

    /** Status by the shown (rounded) percentage, so the colour always matches the number beside it. */
    static Status status(BigDecimal usedPercent) {
        if (usedPercent == null) {
            return Status.UNKNOWN;
        }
        if (usedPercent.compareTo(CRITICAL_FROM) >= 0) {
            return Status.CRITICAL;
        }
        return usedPercent.compareTo(WARNING_FROM) >= 0 ? Status.WARNING : Status.HEALTHY;
    }

    private RateLimitsView.Key key(UUID id, CachedConnection connection, List<SeriesState> series, Instant now) {
        // A key announced by no ConnectionChanged yet is still shown, named by its snapshots' provider.
        var provider = connection != null ? connection.provider() : series.getFirst().provider();
        List<RateLimitsView.Limits> limits = series.stream()
                .sorted(Comparator.comparing(SeriesState::model, Comparator.nullsFirst(Comparator.naturalOrder())))
                .map(state -> limits(state, now))
                .toList();
        return new RateLimitsView.Key(id, provider, connection == null ? null : connection.label(),
                connection == null ? null : connection.maskedKey(), limits);
    }

    private RateLimitsView.Limits limits(SeriesState state, Instant now) {
        long ageSeconds = Math.max(0, Duration.between(state.capturedAt(), now).toSeconds());
        Long retryAfterSeconds = state.retryUntil() != null && state.retryUntil().isAfter(now)
                ? ceilSeconds(Duration.between(now, state.retryUntil())) : null;
        return new RateLimitsView.Limits(state.model(), state.source(), state.capturedAt(), ageSeconds,
                ageSeconds > staleAfter.toSeconds(), retryAfterSeconds,
                state.windows().stream().map(window -> window(window, now)).toList());
    }

    private RateLimitsView.Window window(SeriesState.WindowState window, Instant now) {
        BigDecimal usedPercent = UsedPercent.of(window.limit(), window.remaining());
        List<BurnRate.Sample> samples = window.samples().stream()
                .map(sample -> new BurnRate.Sample(sample.at(), sample.remaining())).toList();
        Instant exhaustsAt = BurnRate.exhaustsAt(samples, now, lookback).orElse(null);
        Long secondsToExhaustion = exhaustsAt == null ? null
                : exhaustsAt.isAfter(now) ? ceilSeconds(Duration.between(now, exhaustsAt)) : 0L;
        return new RateLimitsView.Window(window.kind(), window.limit(), window.remaining(), usedPercent,
                window.resetAt(), status(usedPercent), exhaustsAt, secondsToExhaustion);
    }

    private static long ceilSeconds(Duration duration) {
        long seconds = duration.toSeconds();
        return duration.toNanosPart() > 0 ? seconds + 1 : seconds;
    }
}
