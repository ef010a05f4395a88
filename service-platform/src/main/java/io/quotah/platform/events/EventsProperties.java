package io.quotah.platform.events;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a service produces and consumes events ({@code quotah.events.*}).
 *
 * @param retryAttempts how many times a failing record is retried before it is dead-lettered
 * @param retryInitialBackoff the first pause between retries; each next pause doubles
 * @param retryMaxBackoff the longest pause between retries
 * @param outboxPollInterval how often the outbox relay looks for events to forward
 * @param outboxBatchSize how many outbox events are forwarded in one go
 * @param healthTimeout how long readiness waits for the broker to answer
 * @param processedEventRetention how long processed event ids are remembered; longer than any topic keeps records
 */
@ConfigurationProperties("quotah.events")
public record EventsProperties(
        @DefaultValue("3") int retryAttempts,
        @DefaultValue("200ms") Duration retryInitialBackoff,
        @DefaultValue("5s") Duration retryMaxBackoff,
        @DefaultValue("250ms") Duration outboxPollInterval,
        @DefaultValue("200") int outboxBatchSize,
        @DefaultValue("3s") Duration healthTimeout,
        @DefaultValue("35d") Duration processedEventRetention) {
}
