package io.quotah.poller.connections;

import static org.assertj.core.api.Assertions.assertThat;

import io.quotah.contracts.events.Provider;
import io.quotah.poller.secrets.KeyCipher;
import io.quotah.testkit.RealInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Replicas share due keys through PostgreSQL leases: each due key goes to exactly one replica per cycle. */
@SpringBootTest(properties = {"quotah.poller.polling.enabled=false",
        "quotah.poller.encryption.data-keys.k1=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="})
@RealInfrastructure
class PollLeasesIT {

    private static final int KEYS = 60;

    @Autowired
    ConnectionStore store;
    @Autowired
    JdbcClient jdbc;

    @Test
    void three_replicas_asking_at_once_take_every_due_key_exactly_once() throws Exception {
        String workspace = "leases-" + UUID.randomUUID();
        Instant now = Instant.now();
        for (int i = 0; i < KEYS; i++) {
            store.insert(connection(workspace, now), "fingerprint-" + UUID.randomUUID(), now.minusSeconds(1));
        }
        List<UUID> all = jdbc.sql("SELECT id FROM provider_connection WHERE workspace_id = :w").param("w", workspace)
                .query(UUID.class).list();

        List<List<UUID>> taken = leaseConcurrently(3, now);
        Set<UUID> union = new HashSet<>();
        int total = 0;
        for (List<UUID> replica : taken) {
            union.addAll(replica);
            total += replica.size();
        }
        assertThat(union).containsAll(all);
        assertThat(total).as("no key went to two replicas").isEqualTo(union.size());

        assertThat(leaseConcurrently(3, now).stream().flatMap(List::stream).filter(all::contains))
                .as("a leased key is not due again while its lease runs").isEmpty();

        UUID polled = all.getFirst();
        String owner = jdbc.sql("SELECT lease_owner FROM provider_connection WHERE id = :id").param("id", polled)
                .query(String.class).single();
        store.recordPoll(polled, owner, new ConnectionStore.PollResult(ConnectionStatus.HEALTHY, null, true, now,
                now.plus(Duration.ofMinutes(10))));
        Instant afterLeasesRunOut = now.plus(Duration.ofMinutes(3));
        List<UUID> dueLater = leaseConcurrently(1, afterLeasesRunOut).getFirst();
        assertThat(dueLater).as("a replica that died mid-poll frees its keys when the lease runs out")
                .containsAll(all.subList(1, all.size()));
        assertThat(dueLater).as("a polled key waits for its next poll").doesNotContain(polled);
    }

    private List<List<UUID>> leaseConcurrently(int replicas, Instant at) throws Exception {
        CyclicBarrier together = new CyclicBarrier(replicas);
        try (ExecutorService pool = Executors.newFixedThreadPool(replicas)) {
            List<Future<List<UUID>>> results = new ArrayList<>();
            for (int r = 0; r < replicas; r++) {
                String owner = "replica-" + r + "-" + UUID.randomUUID();
                Callable<List<UUID>> lease = () -> {
                    together.await();
                    return store.leaseDue(owner, KEYS, at, Duration.ofMinutes(2)).stream().map(Connection::id).toList();
                };
                results.add(pool.submit(lease));
            }
            List<List<UUID>> taken = new ArrayList<>();
            for (Future<List<UUID>> result : results) {
                taken.add(result.get());
            }
            return taken;
        }
    }

    private static Connection connection(String workspace, Instant now) {
        return new Connection(UUID.randomUUID(), workspace, Provider.ANTHROPIC, "k", "sk-ant-…abcd",
                new KeyCipher.Sealed("k1", new byte[] {1, 2, 3}), null, null, true, 60, ConnectionStatus.HEALTHY, null,
                null, null, null, 0, now);
    }
}
