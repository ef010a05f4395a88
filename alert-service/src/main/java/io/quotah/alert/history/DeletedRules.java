package io.quotah.alert.history;

import io.quotah.alert.rules.RuleDeleted;
import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A deleted rule's open alerts are resolved with it, in the same transaction, without a message. */
@Component
class DeletedRules {

    private final AlertHistory history;
    private final Clock clock;

    DeletedRules(AlertHistory history, Clock clock) {
        this.history = history;
        this.clock = clock;
    }

    @EventListener
    void on(RuleDeleted deleted) {
        history.resolveQuietly(deleted.workspaceId(), deleted.ruleId(), clock.instant());
    }
}
