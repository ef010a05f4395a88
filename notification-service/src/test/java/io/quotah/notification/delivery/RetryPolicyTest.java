package io.quotah.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(5), Duration.ofMinutes(10), Duration.ofHours(1));
    private final Instant first = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void waits_5_seconds_after_the_first_failure_and_doubles_up_to_10_minutes() {
        assertThat(policy.backoff(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(policy.backoff(2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(policy.backoff(3)).isEqualTo(Duration.ofSeconds(20));
        assertThat(policy.backoff(7)).isEqualTo(Duration.ofSeconds(320));
        assertThat(policy.backoff(8)).isEqualTo(Duration.ofMinutes(10));
        assertThat(policy.backoff(500)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void a_retry_after_longer_than_the_backoff_is_honoured_and_a_shorter_one_is_not_a_reason_to_hurry() {
        assertThat(policy.nextAttempt(1, first, first, Duration.ofSeconds(30))).contains(first.plusSeconds(30));
        assertThat(policy.nextAttempt(3, first, first, Duration.ofSeconds(1))).contains(first.plusSeconds(20));
    }

    @Test
    void gives_up_when_the_next_try_would_fall_more_than_an_hour_after_the_first() {
        assertThat(policy.nextAttempt(12, first, first.plus(Duration.ofMinutes(50)), null))
                .contains(first.plus(Duration.ofHours(1)));
        assertThat(policy.nextAttempt(12, first, first.plus(Duration.ofMinutes(51)), null)).isEmpty();
        assertThat(policy.nextAttempt(1, first, first, Duration.ofHours(2))).isEmpty();
    }
}
