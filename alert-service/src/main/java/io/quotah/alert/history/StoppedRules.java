package io.quotah.alert.history;

import io.quotah.alert.rules.RuleStopped;
import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A deleted or switched-off rule's open alerts are resolved with it, in the same transaction, without a message. */
@Component
class StoppedRules {

    private final AlertHistory history;
    private final Clock clock;

    StoppedRules(AlertHistory history, Clock clock) {
        this.history = history;
        this.clock = clock;
    }

    @EventListener
    void on(RuleStopped stopped) {
        history.resolveQuietly(stopped.workspaceId(), stopped.ruleId(), clock.instant());
    }
}
