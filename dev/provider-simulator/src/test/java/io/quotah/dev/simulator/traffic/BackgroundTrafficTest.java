package io.quotah.dev.simulator.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.quotah.dev.simulator.scenario.BackgroundLoad;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BackgroundTrafficTest {

    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    @Test
    void a_steady_load_owes_its_rate_times_the_time() {
        BackgroundLoad load = BackgroundLoad.steady("gpt-4o-mini", 10, 100, 10);

        assertThat(BackgroundTraffic.requestsBetween(load, T0, T0.plusSeconds(60))).isEqualTo(10.0);
        assertThat(BackgroundTraffic.requestsBetween(load, T0, T0.plusSeconds(90))).isEqualTo(15.0);
    }

    @Test
    void a_wave_averages_to_the_rate_over_a_whole_period_but_swings_within_it() {
        BackgroundLoad load = BackgroundLoad.steady("gpt-4o-mini", 10, 100, 10).withWave(10);

        double wholePeriod = BackgroundTraffic.requestsBetween(load, T0, T0.plus(Duration.ofMinutes(10)));
        double firstHalf = BackgroundTraffic.requestsBetween(load, T0, T0.plus(Duration.ofMinutes(5)));
        double secondHalf = BackgroundTraffic.requestsBetween(load, T0.plus(Duration.ofMinutes(5)),
                T0.plus(Duration.ofMinutes(10)));

        assertThat(wholePeriod).isCloseTo(100.0, within(1e-6));
        assertThat(firstHalf + secondHalf).isCloseTo(wholePeriod, within(1e-6));
        assertThat(Math.abs(firstHalf - secondHalf)).isGreaterThan(20);
    }
}
