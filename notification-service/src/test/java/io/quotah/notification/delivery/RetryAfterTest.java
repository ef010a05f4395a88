package io.quotah.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private final Instant now = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void reads_whole_and_fractional_seconds_and_http_dates() {
        assertThat(RetryAfter.parse("30", now)).isEqualTo(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse("1.25", now)).isEqualTo(Duration.ofMillis(1250));
        assertThat(RetryAfter.parse("Tue, 01 Dec 2026 10:02:00 GMT", now)).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void a_missing_or_unreadable_header_asks_for_nothing() {
        assertThat(RetryAfter.parse(null, now)).isNull();
        assertThat(RetryAfter.parse("soon", now)).isNull();
        assertThat(RetryAfter.parse("-5", now)).isEqualTo(Duration.ZERO);
    }

    @Test
    void http_answers_map_to_sent_retried_or_refused() {
        assertThat(Outcome.ofHttpStatus(202, null, null)).isInstanceOf(Outcome.Sent.class);
        assertThat(Outcome.ofHttpStatus(503, null, "down")).isEqualTo(Outcome.retryLater("HTTP 503: down"));
        assertThat(Outcome.ofHttpStatus(429, Duration.ofSeconds(3), null))
                .isEqualTo(Outcome.retryLater("HTTP 429", Duration.ofSeconds(3)));
        assertThat(Outcome.ofHttpStatus(404, null, "no_service")).isEqualTo(Outcome.failed("HTTP 404: no_service"));
        assertThat(Outcome.ofHttpStatus(301, null, null)).isInstanceOf(Outcome.PermanentFailure.class);
    }
}
