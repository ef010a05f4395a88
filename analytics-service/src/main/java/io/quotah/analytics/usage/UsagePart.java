package io.quotah.analytics.usage;

import io.quotah.contracts.pricing.TokenCounts;
import io.quotah.contracts.events.Provider;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A workspace's usage of one key (connection), model (as reported) and service tier on one UTC day, summed over
 * the buckets of the range asked for: what is priced together.
 *
 * @param serviceTier '' when the provider did not say
 * @param reportedCost the USD costs the provider reported for these buckets, summed
 * @param reportedBuckets how many buckets carried a reported cost (a reported 0.00 counts)
 */
public record UsagePart(UUID connectionId, Provider provider, String model, String serviceTier, LocalDate day,
        long requests, TokenCounts tokens, long reasoningTokens, BigDecimal reportedCost, long reportedBuckets) {

    public boolean reported() {
        return reportedBuckets > 0;
    }
}
