package io.quotah.analytics.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quotah.analytics.web.InvalidParameterException;
import io.quotah.contracts.events.RateLimitWindow.WindowKind;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HistoryRangeTest {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    @Test
    void defaults_to_the_last_24_hours_of_every_kind() {
        assertThat(HistoryRange.parse(null, null, null, NOW))
                .isEqualTo(new HistoryRange(NOW.minus(Duration.ofHours(24)), NOW, null));
    }

    @Test
    void takes_a_range_and_a_kind() {
        assertThat(HistoryRange.parse("2026-11-01T00:00:00Z", "2026-11-02T00:00:00Z", "TOKENS", NOW)).isEqualTo(
                new HistoryRange(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-02T00:00:00Z"),
                        WindowKind.TOKENS));
        assertThat(HistoryRange.parse(null, "2026-11-02T00:00:00Z", null, NOW).from())
                .isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
    }

    @Test
    void allows_31_days_and_not_a_second_more() {
        assertThat(HistoryRange.parse("2026-10-28T12:00:00Z", null, null, NOW).from())
                .isEqualTo(NOW.minus(Duration.ofDays(31)));
        assertRejected("2026-10-28T11:59:59Z", null, null, "from", "must be at most 31 days before to");
    }

    @Test
    void names_the_field_that_is_wrong() {
        assertRejected("yesterday", null, null, "from", "must be an ISO-8601 instant");
        assertRejected(null, "2026-11-28", null, "to", "must be an ISO-8601 instant");
        assertRejected("2026-11-28T12:00:01Z", null, null, "from", "must not be after to");
        assertRejected(null, null, "tokens", "kind", "must be one of REQUESTS, TOKENS");
    }

    private static void assertRejected(String from, String to, String kind, String field, String message) {
        assertThatThrownBy(() -> HistoryRange.parse(from, to, kind, NOW))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.getMessage()).startsWith(message);
                });
    }
}
