package io.quotah.analytics.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of analytics-service ({@code quotah.analytics.*}).
 *
 * @param snapshotRetention how long raw rate-limit snapshots are kept (the newest of each series stays longer,
 *     so a quiet key still shows); older history is answered from 5-minute buckets
 * @param bucketRetention how long the 5-minute buckets are kept
 * @param staleAfter a key's limits older than this are shown as stale
 * @param forecastLookback samples within this time before now make the burn rate of a forecast
 * @param forecastSamples how many recent samples of each window the live state keeps for the burn rate
 * @param redisNamespace prefix of the Redis keys, so installations sharing a Redis keep apart
 * @param redisPoolSize connections to Redis; the hot path holds one only for a single round trip
 * @param priceBook where the price book file is (a Spring resource); it is recorded in the database at start
 * @param usageBatchSize how many usage events are upserted, with their rollups, in one transaction at most
 * @param usageConsumers how many consumers of the usage topic run in one replica (up to its partition count)
 */
@ConfigurationProperties("quotah.analytics")
public record AnalyticsProperties(
        @DefaultValue("7d") Duration snapshotRetention,
        @DefaultValue("90d") Duration bucketRetention,
        @DefaultValue("180s") Duration staleAfter,
        @DefaultValue("5m") Duration forecastLookback,
        @DefaultValue("10") int forecastSamples,
        @DefaultValue("quotah") String redisNamespace,
        @DefaultValue("32") int redisPoolSize,
        @DefaultValue("classpath:pricebook/price-book.csv") String priceBook,
        @DefaultValue("500") int usageBatchSize,
        @DefaultValue("4") int usageConsumers) {
}
