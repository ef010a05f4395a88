package io.quotah.alert.evaluation;

import io.quotah.alert.rules.AlertRule;
import io.quotah.alert.rules.Rules;
import io.quotah.contracts.events.AlertRaised;
import io.quotah.contracts.events.AlertRaised.Severity;
import io.quotah.platform.outbox.Outbox;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Sends a message marked as a test through every channel of a rule, whatever its cooldown, so a user can check an
 * address or a webhook before it matters. Nothing goes into the history.
 */
@RestController
class TestSend {

    private final Rules rules;
    private final Outbox outbox;
    private final Clock clock;

    TestSend(Rules rules, Outbox outbox, Clock clock) {
        this.rules = rules;
        this.outbox = outbox;
        this.clock = clock;
    }

    @PostMapping("/api/alerts/configs/{id}/test")
    @Transactional
    ResponseEntity<Map<String, UUID>> send(@AuthenticationPrincipal Jwt caller, @PathVariable UUID id) {
        AlertRule rule = rules.find(caller.getSubject(), id).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND, "This workspace has no alert rule with that id"));
        Instant now = clock.instant();
        UUID alertId = UUID.randomUUID();
        outbox.append(AlertRaised.builder()
                .workspaceId(rule.workspaceId())
                .occurredAt(now)
                .alertId(alertId)
                .rule(rule.id(), rule.name())
                .kind(rule.kind())
                .severity(Severity.INFO)
                .connection(rule.connectionId(), rule.provider(), null)
                .recipients(Conditions.recipients(rule))
                .summary("Test of the rule \"" + rule.name() + "\": its alerts will come here")
                .test(true)
                .build());
        return ResponseEntity.accepted().body(Map.of("alertId", alertId));
    }
}
