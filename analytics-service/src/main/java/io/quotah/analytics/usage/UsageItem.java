package io.quotah.analytics.usage;

import io.quotah.analytics.pricing.Cents;
import io.quotah.contracts.pricing.PriceBook;
import io.quotah.contracts.pricing.Priced;
import io.quotah.contracts.events.Provider;
import io.quotah.contracts.events.UsageEvent.UsageSource;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * One usage bucket as the API and the CSV export show it, costed by the price book. Money is a decimal string
 * rounded half-even to the cent; {@code computedCost} is null (and {@code unknownPrice} true) when the book cannot
 * price the bucket's tokens.
 *
 * @param keyId the key (connection) of the caller's workspace
 * @param keyLabel the key's label, when the workspace gave it one
 * @param providerKeyId the provider's own id of the API key, when its report named one
 * @param reportedCost what the provider reported this bucket cost, in {@code reportedCurrency}
 */
public record UsageItem(Instant bucketStart, Instant bucketEnd, Provider provider, UUID keyId, String keyLabel,
        String providerKeyId, String model, String serviceTier, UsageSource source, long requests, long inputTokens,
        long outputTokens, long cacheWrite5mTokens, long cacheWrite1hTokens, long cacheReadTokens,
        Long reasoningTokens, String computedCost, String reportedCost, String reportedCurrency,
        boolean unknownPrice) {

    public static UsageItem of(UsageRow row, String keyLabel, PriceBook book) {
        Priced computed = book.price(row.provider(), row.model(), row.serviceTier(),
                LocalDate.ofInstant(row.bucketStart(), ZoneOffset.UTC), row.tokens());
        return new UsageItem(row.bucketStart(), row.bucketEnd(), row.provider(), row.connectionId(), keyLabel,
                row.providerKeyId(), row.model(), row.serviceTier(), row.source(), row.requests(),
                row.tokens().input(), row.tokens().output(), row.tokens().cacheWrite5m(), row.tokens().cacheWrite1h(),
                row.tokens().cacheRead(), row.reasoningTokens(), Cents.rounded(computed.amount()),
                Cents.rounded(row.reportedCost()), row.reportedCurrency(), !computed.known());
    }
}
