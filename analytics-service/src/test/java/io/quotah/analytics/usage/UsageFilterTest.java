package io.quotah.analytics.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quotah.analytics.web.InvalidParameterException;
import io.quotah.contracts.events.Provider;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UsageFilterTest {

    private static final Instant NOW = Instant.parse("2026-11-28T02:03:04Z");

    @Test
    void dates_are_whole_utc_days_with_both_ends_included() {
        UsageFilter filter = UsageFilter.parse("2026-09-01", "2026-09-30", null, null, null, NOW);

        assertThat(filter.from()).isEqualTo(Instant.parse("2026-09-01T00:00:00Z"));
        assertThat(filter.to()).isEqualTo(Instant.parse("2026-10-01T00:00:00Z"));
        assertThat(filter.firstDay()).isEqualTo(LocalDate.of(2026, 9, 1));
        assertThat(filter.lastDay()).isEqualTo(LocalDate.of(2026, 9, 30));
    }

    @Test
    void instants_are_taken_as_they_are_with_the_end_excluded() {
        UsageFilter filter = UsageFilter.parse("2026-09-01T10:30:00Z", "2026-09-02T00:00:00+02:00", null, null, null,
                NOW);

        assertThat(filter.from()).isEqualTo(Instant.parse("2026-09-01T10:30:00Z"));
        assertThat(filter.to()).isEqualTo(Instant.parse("2026-09-01T22:00:00Z"));
        assertThat(filter.lastDay()).isEqualTo(LocalDate.of(2026, 9, 1));
    }

    @Test
    void by_default_the_last_30_days_today_included() {
        UsageFilter filter = UsageFilter.parse(null, null, null, null, null, NOW);

        assertThat(filter.to()).isEqualTo(Instant.parse("2026-11-29T00:00:00Z"));
        assertThat(filter.from()).isEqualTo(Instant.parse("2026-10-30T00:00:00Z"));
        assertThat(filter.provider()).isNull();
        assertThat(filter.model()).isNull();
        assertThat(filter.keyId()).isNull();
    }

    @Test
    void reads_provider_in_any_case_model_and_key() {
        UUID key = UUID.randomUUID();

        UsageFilter filter = UsageFilter.parse("2026-01-01", "2026-01-01", "openai", " gpt-4o ", key.toString(), NOW);

        assertThat(filter.provider()).isEqualTo(Provider.OPENAI);
        assertThat(filter.model()).isEqualTo("gpt-4o");
        assertThat(filter.keyId()).isEqualTo(key);
    }

    @Test
    void allows_400_days_and_no_more() {
        assertThat(UsageFilter.parse("2025-01-01", "2026-02-04", null, null, null, NOW).to())
                .isEqualTo(Instant.parse("2026-02-05T00:00:00Z"));
        assertField(() -> UsageFilter.parse("2025-01-01", "2026-02-05", null, null, null, NOW), "from", "400 days");
    }

    @Test
    void names_the_wrong_parameter_and_why() {
        assertField(() -> UsageFilter.parse("2026-09-02", "2026-09-01", null, null, null, NOW), "from", "after to");
        assertField(() -> UsageFilter.parse("yesterday", null, null, null, null, NOW), "from", "ISO-8601");
        assertField(() -> UsageFilter.parse(null, "2026-02-30", null, null, null, NOW), "to", "not a date");
        assertField(() -> UsageFilter.parse(null, null, "azure", null, null, NOW), "provider", "ANTHROPIC");
        assertField(() -> UsageFilter.parse(null, null, null, null, "not-a-key", NOW), "keyId", "UUID");
        assertField(() -> UsageFilter.parse(null, null, null, null, "1-1-1-1-1", NOW), "keyId", "UUID");
        assertField(() -> UsageFilter.parse(null, null, null, "m".repeat(201), null, NOW), "model", "200");
    }

    private static void assertField(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field,
            String reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidParameterException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.getMessage()).contains(reason);
        });
    }
}
