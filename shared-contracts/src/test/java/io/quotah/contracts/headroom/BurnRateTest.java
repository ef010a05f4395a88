package io.quotah.contracts.headroom;

import static org.assertj.core.api.Assertions.assertThat;

import io.quotah.contracts.headroom.BurnRate.Sample;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BurnRateTest {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private static final Duration LOOKBACK = Duration.ofMinutes(5);

    @Test
    void a_draining_window_runs_out_when_the_fitted_rate_takes_the_newest_remaining_to_zero() {
        // given 100 a minute gone, 300 left at the newest sample
        List<Sample> samples = List.of(sample(-120, 500), sample(-60, 400), sample(0, 300));

        // then three more minutes
        assertThat(BurnRate.exhaustsAt(samples, NOW, LOOKBACK)).hasValue(NOW.plusSeconds(180));
    }

    @Test
    void the_rate_is_a_least_squares_fit_not_the_last_step() {
        // given a noisy drain: the fitted slope is -2 a second, though the last step is -1 a second
        List<Sample> samples = List.of(sample(-30, 1005), sample(-20, 975), sample(-10, 955), sample(0, 945));

        // then 945 / 2 seconds from the newest sample
        assertThat(BurnRate.exhaustsAt(samples, NOW, LOOKBACK)).hasValue(NOW.plusMillis(472_500));
    }

    @Test
    void a_refilling_window_has_no_forecast() {
        List<Sample> samples = List.of(sample(-60, 100), sample(-30, 200), sample(0, 300));

        assertThat(BurnRate.exhaustsAt(samples, NOW, LOOKBACK)).isEmpty();
    }

    @Test
    void a_flat_window_has_no_forecast() {
        List<Sample> samples = List.of(sample(-60, 300), sample(0, 300));

        assertThat(BurnRate.exhaustsAt(samples, NOW, LOOKBACK)).isEmpty();
    }

    @Test
    void one_sample_makes_no_slope() {
        assertThat(BurnRate.exhaustsAt(List.of(sample(0, 300)), NOW, LOOKBACK)).isEmpty();
        assertThat(BurnRate.exhaustsAt(List.of(), NOW, LOOKBACK)).isEmpty();
    }

    @Test
    void samples_older_than_the_lookback_do_not_count() {
        // given the drain happened ten minutes ago; only one recent sample is left
        List<Sample> samples = List.of(sample(-660, 900), sample(-600, 500), sample(-10, 500));

        assertThat(BurnRate.exhaustsAt(samples, NOW, LOOKBACK)).isEmpty();
    }

    @Test
    void an_exhausted_window_is_exhausted_since_it_was_first_seen_at_zero() {
        List<Sample> samples = List.of(sample(-90, 100), sample(-60, 0), sample(-30, 0), sample(0, 0));

        assertThat(BurnRate.exhaustsAt(samples, NOW, LOOKBACK)).hasValue(NOW.minusSeconds(60));
        assertThat(BurnRate.exhaustsAt(List.of(sample(-5, 0)), NOW, LOOKBACK)).hasValue(NOW.minusSeconds(5));
    }

    @Test
    void a_drain_too_slow_to_matter_has_no_forecast() {
        // given 1 a minute with a billion left: beyond any window's reset
        List<Sample> samples = List.of(sample(-60, 1_000_000_001L), sample(0, 1_000_000_000L));

        assertThat(BurnRate.exhaustsAt(samples, NOW, LOOKBACK)).isEmpty();
    }

    @Test
    void samples_in_any_order_give_the_same_forecast() {
        List<Sample> samples = List.of(sample(0, 300), sample(-120, 500), sample(-60, 400));

        assertThat(BurnRate.exhaustsAt(samples, NOW, LOOKBACK)).hasValue(NOW.plusSeconds(180));
    }

    private static Sample sample(long secondsFromNow, long remaining) {
        return new Sample(NOW.plusSeconds(secondsFromNow), remaining);
    }
}
