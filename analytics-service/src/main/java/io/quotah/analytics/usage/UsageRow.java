package io.quotah.analytics.usage;

import io.quotah.contracts.pricing.TokenCounts;
import io.quotah.contracts.events.Provider;
import io.quotah.contracts.events.UsageEvent.UsageSource;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One stored usage bucket, as the usage list and its export show it.
 *
 * @param connectionId the key (connection) the bucket is of
 * @param providerKeyId the provider's own id of the API key, when its report named one
 * @param reasoningTokens inside the output tokens, when the provider said
 * @param reportedCost the cost the provider reported for this bucket, in {@code reportedCurrency}, if any
 */
public record UsageRow(UUID eventId, UUID connectionId, Provider provider, String providerKeyId, String model,
        String serviceTier, UsageSource source, Instant bucketStart, Instant bucketEnd, long requests,
        TokenCounts tokens, Long reasoningTokens, BigDecimal reportedCost, String reportedCurrency) {
}
