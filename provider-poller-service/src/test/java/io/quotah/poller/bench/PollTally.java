package io.quotah.poller.bench;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Counts completed polls from {@code last_polled_at}. A key keeps each value for at least 9 s (its 10 s
 * interval less jitter), so sampling more often than that sees every poll, not only the latest per key.
 */
final class PollTally {

    private final JdbcClient jdbc;
    private final String workspace;
    private final Set<Poll> seen = new HashSet<>();

    PollTally(JdbcClient jdbc, String workspace) {
        this.jdbc = jdbc;
        this.workspace = workspace;
    }

    void sample(Instant since) {
        seen.addAll(jdbc.sql("SELECT id, last_polled_at FROM provider_connection "
                        + "WHERE workspace_id = :w AND last_polled_at >= :since")
                .param("w", workspace)
                .param("since", java.sql.Timestamp.from(since))
                .query((row, n) -> new Poll(row.getObject(1, UUID.class), row.getTimestamp(2).toInstant()))
                .list());
    }

    long between(Instant start, Instant end) {
        return seen.stream().filter(poll -> poll.within(start, end)).count();
    }

    long keysBetween(Instant start, Instant end) {
        return seen.stream().filter(poll -> poll.within(start, end)).map(Poll::connection).distinct().count();
    }

    private record Poll(UUID connection, Instant polledAt) {

        boolean within(Instant start, Instant end) {
            return !polledAt.isBefore(start) && polledAt.isBefore(end);
        }
    }
}
