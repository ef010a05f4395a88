package io.quotah.notification.web;

import io.quotah.contracts.events.AlertRaised.AlertState;
import io.quotah.contracts.events.AlertRaised.Channel;
import io.quotah.notification.delivery.AttemptResult;
import io.quotah.notification.delivery.DeliveryLog;
import io.quotah.notification.delivery.DeliveryRecord;
import io.quotah.notification.delivery.DeliveryStatus;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who was told of an alert, how, and how each attempt went: the caller's workspace only (another workspace's
 * alert answers an empty list). Webhook URLs are credentials: only their host is shown.
 */
@RestController
@RequestMapping("/api/notifications/deliveries")
class DeliveryController {

    private final DeliveryLog deliveries;

    DeliveryController(DeliveryLog deliveries) {
        this.deliveries = deliveries;
    }

    @GetMapping
    List<DeliveryAnswer> list(@AuthenticationPrincipal Jwt caller, @RequestParam UUID alertId) {
        return deliveries.deliveriesOf(caller.getSubject(), alertId).stream().map(DeliveryAnswer::of).toList();
    }

    record DeliveryAnswer(UUID id, UUID alertId, AlertState state, Channel channel, String recipient,
            DeliveryStatus status, int attempts, String lastError, Instant createdAt, Instant sentAt,
            Instant nextAttemptAt, List<AttemptAnswer> attemptLog) {

        static DeliveryAnswer of(DeliveryRecord delivery) {
            return new DeliveryAnswer(delivery.id(), delivery.alertId(), delivery.state(), delivery.channel(),
                    delivery.channel() == Channel.EMAIL ? delivery.address() : maskedUrl(delivery.address()),
                    delivery.status(), delivery.attempts(), delivery.lastError(), delivery.createdAt(),
                    delivery.sentAt(), delivery.nextAttemptAt(), delivery.attemptLog().stream()
                            .map(attempt -> new AttemptAnswer(attempt.number(), attempt.at(), attempt.result(),
                                    attempt.error()))
                            .toList());
        }
    }

    record AttemptAnswer(int attempt, Instant at, AttemptResult result, String error) {
    }

    /** {@code hooks.slack.com/…}: enough to tell webhooks apart, nothing that would let anyone post to them. */
    static String maskedUrl(String url) {
        try {
            String host = URI.create(url.trim()).getHost();
            return host == null ? "…" : host + "/…";
        } catch (IllegalArgumentException notAUrl) {
            return "…";
        }
    }
}
