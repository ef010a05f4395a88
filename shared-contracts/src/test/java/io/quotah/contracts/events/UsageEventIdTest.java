package io.quotah.contracts.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.quotah.contracts.events.UsageEvent.UsageSource;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UsageEventIdTest {

    private static final UUID CONNECTION = SampleEvents.CONNECTION;
    private static final Instant START = Instant.parse("2026-11-27T10:00:00Z");
    private static final Instant HOUR_END = START.plus(Duration.ofHours(1));

    private static UUID id(Provider provider, UUID connection, String keyId, Instant start, Instant end, String model,
            String tier, UsageSource source) {
        return UsageEvent.idFor(provider, connection, keyId, start, end, model, tier, source);
    }

    private static UUID base() {
        return id(Provider.ANTHROPIC, CONNECTION, "apikey_1", START, HOUR_END, "claude-haiku-4-5", "standard",
                UsageSource.ADMIN_API);
    }

    @Test
    void the_same_bucket_always_has_the_same_id() {
        assertThat(base()).isEqualTo(base());
        assertThat(base()).isEqualTo(UUID.fromString(base().toString()));
    }

    @Test
    void a_different_bucket_model_tier_source_or_key_has_a_different_id() {
        List<UUID> variants = List.of(
                base(),
                id(Provider.ANTHROPIC, CONNECTION, "apikey_1", START.plusSeconds(3600), HOUR_END.plusSeconds(3600),
                        "claude-haiku-4-5", "standard", UsageSource.ADMIN_API),
                // a day bucket starting at the same instant is another bucket
                id(Provider.ANTHROPIC, CONNECTION, "apikey_1", START, START.plus(Duration.ofDays(1)),
                        "claude-haiku-4-5", "standard", UsageSource.ADMIN_API),
                id(Provider.ANTHROPIC, CONNECTION, "apikey_1", START, HOUR_END, "claude-sonnet-4-5", "standard",
                        UsageSource.ADMIN_API),
                id(Provider.ANTHROPIC, CONNECTION, "apikey_1", START, HOUR_END, "claude-haiku-4-5", "batch",
                        UsageSource.ADMIN_API),
                id(Provider.ANTHROPIC, CONNECTION, "apikey_1", START, HOUR_END, "claude-haiku-4-5", "standard",
                        UsageSource.PASSIVE),
                id(Provider.ANTHROPIC, CONNECTION, "apikey_2", START, HOUR_END, "claude-haiku-4-5", "standard",
                        UsageSource.ADMIN_API),
                id(Provider.ANTHROPIC, UUID.randomUUID(), "apikey_1", START, HOUR_END, "claude-haiku-4-5", "standard",
                        UsageSource.ADMIN_API),
                id(Provider.OPENAI, CONNECTION, "apikey_1", START, HOUR_END, "claude-haiku-4-5", "standard",
                        UsageSource.ADMIN_API));

        Set<UUID> distinct = new HashSet<>(variants);

        assertThat(distinct).hasSameSizeAs(variants);
    }
}
