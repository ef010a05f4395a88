package io.quotah.poller.polling;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the scheduler works through due keys.
 *
 * @param tick how often it looks for due keys
 * @param concurrency polls in flight at once, per replica
 * @param lease how long a replica holds a key it is polling; a replica that dies frees it when this runs out
 * @param jitter the share of the interval by which each next poll is moved at random, so keys added together
 *        do not stay in step
 * @param maxBackoff the longest wait after repeated failures
 */
@ConfigurationProperties("quotah.poller.polling")
public record PollingSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("1s") Duration tick,
        @DefaultValue("16") int concurrency,
        @DefaultValue("2m") Duration lease,
        @DefaultValue("0.1") double jitter,
        @DefaultValue("30m") Duration maxBackoff) {
}
