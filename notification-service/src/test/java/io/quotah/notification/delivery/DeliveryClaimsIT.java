package io.quotah.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.quotah.contracts.events.AlertRaised;
import io.quotah.contracts.events.AlertRaised.Channel;
import io.quotah.contracts.events.AlertRaised.Recipient;
import io.quotah.notification.SampleAlerts;
import io.quotah.testkit.RealInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The claim two replicas share the delivery log through, against PostgreSQL, with this process's own sender
 * switched off: every due delivery goes to exactly one claimant, and a claim that is never settled (its replica
 * died) frees the delivery when its lease runs out.
 */
@SpringBootTest(properties = "quotah.notification.sender.enabled=false")
@RealInfrastructure
@DirtiesContext
class DeliveryClaimsIT {

    private static final Duration LEASE = Duration.ofMinutes(2);

    private final String workspace = "ws-" + UUID.randomUUID();

    @Autowired
    DeliveryLog deliveries;

    @AfterEach
    void forgetTheseDeliveries() {
        deliveries.forgetWorkspace(workspace);
    }

    @Test
    void two_replicas_claiming_at_once_never_get_the_same_delivery() throws Exception {
        AlertRaised alert = alertTo(60);
        deliveries.enqueue(alert, Instant.now());
        Instant now = Instant.now().plusSeconds(1);
        List<UUID> claimed = Collections.synchronizedList(new ArrayList<>());
        Callable<Void> replica = () -> {
            List<ClaimedDelivery> batch;
            do {
                batch = deliveries.claimDue(4, now, now.plus(LEASE));
                batch.stream().filter(delivery -> delivery.workspaceId().equals(workspace))
                        .forEach(delivery -> claimed.add(delivery.id()));
            } while (!batch.isEmpty());
            return null;
        };

        try (ExecutorService replicas = Executors.newFixedThreadPool(2)) {
            List<Future<Void>> running = replicas.invokeAll(List.of(replica, replica));
            for (Future<Void> done : running) {
                done.get();
            }
        }

        assertThat(claimed).hasSize(60).doesNotHaveDuplicates();
        assertThat(deliveries.claimDue(100, now, now.plus(LEASE))).noneMatch(d -> d.workspaceId().equals(workspace));
    }

    @Test
    void a_claim_never_settled_frees_its_delivery_when_the_lease_runs_out_and_the_late_outcome_is_not_recorded() {
        AlertRaised alert = alertTo(1);
        deliveries.enqueue(alert, Instant.now());
        Instant now = Instant.now().plusSeconds(1);
        ClaimedDelivery first = mine(deliveries.claimDue(100, now, now.plus(LEASE))).getFirst();

        assertThat(mine(deliveries.claimDue(100, now.plus(LEASE).minusSeconds(1), now.plus(LEASE).plus(LEASE))))
                .isEmpty();
        ClaimedDelivery second = mine(deliveries.claimDue(100, now.plus(LEASE), now.plus(LEASE).plus(LEASE))).getFirst();

        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.claimId()).isNotEqualTo(first.claimId());
        assertThat(deliveries.recordAttempt(first, now, Outcome.sent(), now, null)).isFalse();
        assertThat(deliveries.recordAttempt(second, now, Outcome.sent(), now, null)).isTrue();
        assertThat(deliveries.deliveriesOf(workspace, alert.alertId())).singleElement().satisfies(delivery -> {
            assertThat(delivery.status()).isEqualTo(DeliveryStatus.SENT);
            assertThat(delivery.attemptLog()).hasSize(1);
        });
    }

    private List<ClaimedDelivery> mine(List<ClaimedDelivery> claimed) {
        return claimed.stream().filter(delivery -> delivery.workspaceId().equals(workspace)).toList();
    }

    private AlertRaised alertTo(int recipients) {
        return SampleAlerts.budget(workspace, IntStream.range(0, recipients)
                .mapToObj(i -> new Recipient(Channel.EMAIL, "ops-" + i + "@example.com"))
                .toArray(Recipient[]::new)).build();
    }
}
