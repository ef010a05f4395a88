package io.quotah.dev.simulator.bucket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BucketGroupTest {

    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    private final BucketGroup group = new BucketGroup(Map.of(
            LimitWindow.REQUESTS_PER_MINUTE, 60L,
            LimitWindow.INPUT_TOKENS_PER_MINUTE, 30_000L,
            LimitWindow.OUTPUT_TOKENS_PER_MINUTE, 6_000L), T0);

    @Test
    void charges_every_window_of_an_admitted_request() {
        Admission admission = group.admit(new Charge(1, 1_000, 500), T0);

        assertThat(admission).isInstanceOf(Admission.Admitted.class);
        assertThat(admission.states().get(LimitWindow.REQUESTS_PER_MINUTE).remaining()).isEqualTo(59);
        assertThat(admission.states().get(LimitWindow.INPUT_TOKENS_PER_MINUTE).remaining()).isEqualTo(29_000);
        assertThat(admission.states().get(LimitWindow.OUTPUT_TOKENS_PER_MINUTE).remaining()).isEqualTo(5_500);
    }

    @Test
    void refills_continuously_with_clock_time_and_never_above_the_limit() {
        group.admit(new Charge(30, 15_000, 3_000), T0);

        Map<LimitWindow, BucketState> after10s = group.states(T0.plusSeconds(10));
        assertThat(after10s.get(LimitWindow.REQUESTS_PER_MINUTE).remaining()).isEqualTo(40);
        assertThat(after10s.get(LimitWindow.INPUT_TOKENS_PER_MINUTE).remaining()).isEqualTo(20_000);
        assertThat(after10s.get(LimitWindow.OUTPUT_TOKENS_PER_MINUTE).remaining()).isEqualTo(4_000);

        Map<LimitWindow, BucketState> afterAnHour = group.states(T0.plus(Duration.ofHours(1)));
        assertThat(afterAnHour.get(LimitWindow.REQUESTS_PER_MINUTE).remaining()).isEqualTo(60);
        assertThat(afterAnHour.get(LimitWindow.REQUESTS_PER_MINUTE).untilFull()).isZero();
    }

    @Test
    void says_when_a_bucket_is_full_again() {
        group.admit(new Charge(1, 0, 0), T0);

        BucketState requests = group.states(T0).get(LimitWindow.REQUESTS_PER_MINUTE);

        // one request of 60 per minute comes back in one second
        assertThat(requests.untilFull()).isEqualTo(Duration.ofSeconds(1));
        assertThat(requests.fullAt()).isEqualTo(T0.plusSeconds(1));
    }

    @Test
    void refuses_without_charging_anything_and_names_the_window_that_frees_up_last() {
        group.admit(new Charge(1, 0, 5_900), T0);

        Admission admission = group.admit(new Charge(1, 1_000, 400), T0);

        assertThat(admission).isInstanceOfSatisfying(Admission.Rejected.class, rejected -> {
            assertThat(rejected.window()).isEqualTo(LimitWindow.OUTPUT_TOKENS_PER_MINUTE);
            assertThat(rejected.requested()).isEqualTo(400);
            // 300 output tokens short at 100 a second
            assertThat(rejected.retryAfter()).isEqualTo(Duration.ofSeconds(3));
        });
        assertThat(group.states(T0).get(LimitWindow.REQUESTS_PER_MINUTE).remaining()).isEqualTo(59);
        assertThat(group.states(T0).get(LimitWindow.INPUT_TOKENS_PER_MINUTE).remaining()).isEqualTo(30_000);
    }

    @Test
    void drains_every_window_to_a_used_percentage() {
        group.drain(95, T0);

        Map<LimitWindow, BucketState> states = group.states(T0);
        assertThat(states.get(LimitWindow.REQUESTS_PER_MINUTE).remaining()).isEqualTo(3);
        assertThat(states.get(LimitWindow.INPUT_TOKENS_PER_MINUTE).remaining()).isEqualTo(1_500);
        assertThat(states.get(LimitWindow.OUTPUT_TOKENS_PER_MINUTE).remaining()).isEqualTo(300);
        // 95 % of a minute's worth to refill
        assertThat(states.get(LimitWindow.REQUESTS_PER_MINUTE).untilFull()).isEqualTo(Duration.ofSeconds(57));
    }

    @Test
    void a_daily_window_refills_over_a_day() {
        BucketGroup daily = new BucketGroup(Map.of(LimitWindow.REQUESTS_PER_DAY, 24L), T0);
        daily.admit(new Charge(24, 0, 0), T0);

        assertThat(daily.states(T0.plus(Duration.ofHours(6))).get(LimitWindow.REQUESTS_PER_DAY).remaining())
                .isEqualTo(6);
    }
}
