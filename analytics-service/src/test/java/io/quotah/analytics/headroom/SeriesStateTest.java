package io.quotah.analytics.headroom;

import static org.assertj.core.api.Assertions.assertThat;

import io.quotah.contracts.events.Provider;
import io.quotah.contracts.events.RateLimitSnapshot;
import io.quotah.contracts.events.RateLimitSnapshot.SnapshotSource;
import io.quotah.contracts.events.RateLimitWindow;
import io.quotah.contracts.events.RateLimitWindow.WindowKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SeriesStateTest {

    private static final Instant T0 = Instant.parse("2026-11-28T12:00:00Z");
    private static final UUID CONNECTION = UUID.randomUUID();

    @Test
    void a_newer_capture_replaces_the_numbers_and_keeps_the_older_sample() {
        SeriesState older = SeriesState.of(snapshot(T0, 900L));
        SeriesState newer = SeriesState.of(snapshot(T0.plusSeconds(30), 500L));

        SeriesState merged = older.merge(newer, 10);

        assertThat(merged.capturedAt()).isEqualTo(T0.plusSeconds(30));
        assertThat(merged.windows().getFirst().remaining()).isEqualTo(500L);
        assertThat(merged.windows().getFirst().samples()).extracting(SeriesState.Sample::remaining)
                .containsExactly(900L, 500L);
    }

    @Test
    void an_older_capture_arriving_late_does_not_regress_the_numbers_but_adds_its_sample() {
        SeriesState current = SeriesState.of(snapshot(T0.plusSeconds(30), 500L));

        SeriesState merged = current.merge(SeriesState.of(snapshot(T0, 900L)), 10);

        assertThat(merged.capturedAt()).isEqualTo(T0.plusSeconds(30));
        assertThat(merged.windows().getFirst().remaining()).isEqualTo(500L);
        assertThat(merged.windows().getFirst().samples()).hasSize(2);
    }

    @Test
    void merging_is_idempotent_and_order_free() {
        SeriesState a = SeriesState.of(snapshot(T0, 900L));
        SeriesState b = SeriesState.of(snapshot(T0.plusSeconds(30), 500L));
        SeriesState c = SeriesState.of(snapshot(T0.plusSeconds(60), 400L));

        SeriesState forward = a.merge(b, 10).merge(c, 10);

        assertThat(c.merge(a, 10).merge(b, 10)).isEqualTo(forward);
        assertThat(forward.merge(b, 10)).isEqualTo(forward);
    }

    @Test
    void keeps_only_the_newest_samples() {
        SeriesState state = SeriesState.of(snapshot(T0, 1000L));
        for (int i = 1; i <= 15; i++) {
            state = state.merge(SeriesState.of(snapshot(T0.plusSeconds(i), 1000L - i)), 10);
        }

        assertThat(state.windows().getFirst().samples()).extracting(SeriesState.Sample::remaining)
                .containsExactlyElementsOf(IntStream.rangeClosed(6, 15).mapToObj(i -> 1000L - i).toList());
    }

    @Test
    void an_unknown_remaining_adds_no_sample_and_stays_unknown() {
        SeriesState state = SeriesState.of(snapshot(T0, null));

        assertThat(state.windows().getFirst().remaining()).isNull();
        assertThat(state.windows().getFirst().samples()).isEmpty();
    }

    @Test
    void windows_are_kept_in_kind_order_and_retry_after_becomes_a_moment() {
        RateLimitSnapshot snapshot = new RateLimitSnapshot(UUID.randomUUID(), "ws", T0, 1, CONNECTION,
                Provider.ANTHROPIC, "claude", T0, SnapshotSource.PROBE, List.of(
                        new RateLimitWindow(WindowKind.OUTPUT_TOKENS, 10L, 5L, null),
                        new RateLimitWindow(WindowKind.REQUESTS, 10L, 5L, null)), Duration.ofSeconds(7));

        SeriesState state = SeriesState.of(snapshot);

        assertThat(state.windows()).extracting(SeriesState.WindowState::kind)
                .containsExactly(WindowKind.REQUESTS, WindowKind.OUTPUT_TOKENS);
        assertThat(state.retryUntil()).isEqualTo(T0.plusSeconds(7));
    }

    @Test
    void survives_the_trip_through_its_cached_form() {
        SeriesState state = SeriesState.of(snapshot(T0, 900L)).merge(SeriesState.of(snapshot(T0.plusMillis(1500),
                800L)), 10);

        String cached = HeadroomCache.encode(state);

        assertThat(HeadroomCache.decode(cached, SeriesState.class)).isEqualTo(state);
        assertThat(cached).contains("[[" + T0.toEpochMilli() + ",900],").doesNotContain("null");
    }

    private static RateLimitSnapshot snapshot(Instant capturedAt, Long remaining) {
        return new RateLimitSnapshot(UUID.randomUUID(), "ws", capturedAt, 1, CONNECTION, Provider.OPENAI, "gpt-5",
                capturedAt, SnapshotSource.PASSIVE,
                List.of(new RateLimitWindow(WindowKind.TOKENS, 1000L, remaining, null)), null);
    }
}
