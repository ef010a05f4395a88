package io.quotah.analytics.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of analytics-service ({@code quotah.analytics.*}).
 *
 * @param snapshotRetention how long raw rate-limit snapshots are kept
 */
@ConfigurationProperties("quotah.analytics")
public record AnalyticsProperties(@DefaultValue("7d") Duration snapshotRetention) {
}
