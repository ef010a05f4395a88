package io.quotah.alert.evaluation;

import io.quotah.alert.config.AlertSettings;
import io.quotah.alert.observations.WindowObservations;
import io.quotah.alert.observations.WindowObservations.HeardKey;
import io.quotah.alert.observations.WindowObservations.Silence;
import io.quotah.alert.rules.AlertRule;
import io.quotah.alert.rules.Rules;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What time alone changes, every few seconds: keys that went quiet, windows past their reset (full again),
 * forecasts whose readings aged, budget periods that ended and spikes whose hour passed. Events do the rest. Every
 * replica runs it; the locked condition rows keep them from raising anything twice.
 */
@Component
class TimedPass implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TimedPass.class);

    private final Rules rules;
    private final WindowObservations observations;
    private final WindowRules windowRules;
    private final SpendRules spendRules;
    private final KeyProblemRules keyProblems;
    private final TransactionTemplate transactions;
    private final AlertSettings settings;
    private final Clock clock;
    private ScheduledExecutorService scheduler;

    TimedPass(Rules rules, WindowObservations observations, WindowRules windowRules, SpendRules spendRules,
            KeyProblemRules keyProblems, TransactionTemplate transactions, AlertSettings settings, Clock clock) {
        this.rules = rules;
        this.observations = observations;
        this.windowRules = windowRules;
        this.spendRules = spendRules;
        this.keyProblems = keyProblems;
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
    }

    /** One pass over everything; each workspace in its own transaction, so one failure stops no other. */
    void run() {
        Instant now = clock.instant();
        observations.pruneSamples(now.minus(settings.forecastLookback().multipliedBy(2)));
        for (Silence silence : observations.silentSince(now.minus(settings.staleFloor()))) {
            inTransaction("stale check of workspace " + silence.workspaceId(), () -> keyProblems.heardFrom(
                    silence.workspaceId(), silence.connectionId(), silence.provider(), silence.lastProbedAt(), now));
        }
        Set<String> windowWorkspaces = new LinkedHashSet<>();
        for (AlertRule rule : rules.enabledEverywhere(WindowRules.KINDS)) {
            windowWorkspaces.add(rule.workspaceId());
        }
        for (String workspace : windowWorkspaces) {
            inTransaction("window rules of workspace " + workspace, () -> {
                for (HeardKey key : observations.keys(workspace)) {
                    windowRules.evaluate(workspace, key.connectionId(), key.provider(), now);
                }
            });
        }
        for (AlertRule rule : rules.enabledEverywhere(SpendRules.KINDS)) {
            inTransaction("spend rule " + rule.id(), () -> spendRules.evaluate(rule, now));
        }
    }

    private void inTransaction(String what, Runnable work) {
        try {
            transactions.executeWithoutResult(status -> work.run());
        } catch (RuntimeException e) {
            log.warn("timed alert pass: {} failed, will try again on the next pass: {}", what, e.toString());
        }
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("alert-timed-pass").factory());
        long every = settings.timedPass().toMillis();
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                run();
            } catch (RuntimeException e) {
                log.warn("timed alert pass failed, will try again: {}", e.toString());
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        scheduler.shutdownNow();
        scheduler = null;
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
