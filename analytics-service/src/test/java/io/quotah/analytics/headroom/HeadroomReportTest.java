package io.quotah.analytics.headroom;

import static org.assertj.core.api.Assertions.assertThat;

import io.quotah.analytics.headroom.RateLimitsView.Status;
import io.quotah.analytics.headroom.SeriesState.Sample;
import io.quotah.analytics.headroom.SeriesState.WindowState;
import io.quotah.contracts.events.Provider;
import io.quotah.contracts.events.RateLimitSnapshot.SnapshotSource;
import io.quotah.contracts.events.RateLimitWindow.WindowKind;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class HeadroomReportTest {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private final HeadroomReport report = new HeadroomReport(Duration.ofSeconds(180), Duration.ofMinutes(5));

    @Test
    void status_is_healthy_below_70_percent_warning_from_70_critical_from_90_and_unknown_without_numbers() {
        SeriesState state = series(NOW, List.of(
                window(WindowKind.REQUESTS, 1000L, 301L),
                window(WindowKind.TOKENS, 1000L, 300L),
                window(WindowKind.INPUT_TOKENS, 1000L, 100L),
                window(WindowKind.OUTPUT_TOKENS, null, null),
                window(WindowKind.PROJECT_TOKENS, 1000L, null)));

        List<RateLimitsView.Window> windows = only(report.of(workspace(UUID.randomUUID(), null, state), NOW)).windows();

        assertThat(windows).extracting(RateLimitsView.Window::usedPercent).containsExactly(new BigDecimal("69.9"),
                new BigDecimal("70.0"), new BigDecimal("90.0"), null, null);
        assertThat(windows).extracting(RateLimitsView.Window::status).containsExactly(Status.HEALTHY, Status.WARNING,
                Status.CRITICAL, Status.UNKNOWN, Status.UNKNOWN);
    }

    @Test
    void status_follows_the_shown_percentage() {
        assertThat(HeadroomReport.status(new BigDecimal("69.9"))).isEqualTo(Status.HEALTHY);
        assertThat(HeadroomReport.status(new BigDecimal("89.9"))).isEqualTo(Status.WARNING);
        assertThat(HeadroomReport.status(new BigDecimal("100.0"))).isEqualTo(Status.CRITICAL);
    }

    @Test
    void limits_older_than_the_threshold_are_stale() {
        UUID key = UUID.randomUUID();

        assertThat(only(report.of(workspace(key, null, series(NOW.minusSeconds(180), List.of())), NOW)))
                .satisfies(limits -> assertThat(limits.ageSeconds()).isEqualTo(180))
                .satisfies(limits -> assertThat(limits.stale()).isFalse());
        assertThat(only(report.of(workspace(key, null, series(NOW.minusSeconds(181), List.of())), NOW)).stale())
                .isTrue();
    }

    @Test
    void a_draining_window_says_when_it_runs_out() {
        WindowState draining = new WindowState(WindowKind.TOKENS, 1000L, 300L, null,
                List.of(new Sample(NOW.minusSeconds(120), 500), new Sample(NOW.minusSeconds(60), 400),
                        new Sample(NOW, 300)));

        RateLimitsView.Window window = only(report.of(workspace(UUID.randomUUID(), null,
                series(NOW, List.of(draining))), NOW)).windows().getFirst();

        assertThat(window.exhaustsAt()).isEqualTo(NOW.plusSeconds(180));
        assertThat(window.secondsToExhaustion()).isEqualTo(180);
    }

    @Test
    void retry_after_counts_down_and_then_is_gone() {
        SeriesState waiting = new SeriesState(Provider.ANTHROPIC, null, SnapshotSource.PROBE, NOW.minusSeconds(10),
                NOW.plusMillis(2500), List.of());
        SeriesState waited = new SeriesState(Provider.ANTHROPIC, null, SnapshotSource.PROBE, NOW.minusSeconds(10),
                NOW.minusSeconds(1), List.of());

        assertThat(only(report.of(workspace(UUID.randomUUID(), null, waiting), NOW)).retryAfterSeconds()).isEqualTo(3);
        assertThat(only(report.of(workspace(UUID.randomUUID(), null, waited), NOW)).retryAfterSeconds()).isNull();
    }

    @Test
    void keys_are_sorted_by_provider_then_label_and_a_named_key_without_limits_is_shown() {
        UUID openAi = UUID.randomUUID();
        UUID anthropicB = UUID.randomUUID();
        UUID anthropicA = UUID.randomUUID();
        UUID unnamed = UUID.randomUUID();
        CachedWorkspace workspace = new CachedWorkspace(Map.of(
                openAi, new CachedConnection(Provider.OPENAI, "alpha", "sk-…1234", NOW),
                anthropicB, new CachedConnection(Provider.ANTHROPIC, "Beta", "sk-ant-…abcd", NOW),
                anthropicA, new CachedConnection(Provider.ANTHROPIC, "alpha", null, NOW)),
                List.of(new CachedWorkspace.Series(unnamed, series(NOW, List.of()))));

        RateLimitsView view = report.of(workspace, NOW);

        assertThat(view.keys()).extracting(RateLimitsView.Key::keyId)
                .containsExactly(anthropicA, anthropicB, unnamed, openAi);
        assertThat(view.keys().getFirst().limits()).isEmpty();
        assertThat(view.keys().get(2).label()).isNull();
        assertThat(view.keys().get(2).provider()).isEqualTo(Provider.ANTHROPIC);
    }

    private static RateLimitsView.Limits only(RateLimitsView view) {
        assertThat(view.keys()).hasSize(1);
        assertThat(view.keys().getFirst().limits()).hasSize(1);
        return view.keys().getFirst().limits().getFirst();
    }

    private static CachedWorkspace workspace(UUID key, CachedConnection connection, SeriesState state) {
        return new CachedWorkspace(connection == null ? Map.of() : Map.of(key, connection),
                List.of(new CachedWorkspace.Series(key, state)));
    }

    private static SeriesState series(Instant capturedAt, List<WindowState> windows) {
        return new SeriesState(Provider.ANTHROPIC, "claude-haiku-4-5", SnapshotSource.PROBE, capturedAt, null, windows);
    }

    private static WindowState window(WindowKind kind, Long limit, Long remaining) {
        return new WindowState(kind, limit, remaining, null, List.of());
    }
}
