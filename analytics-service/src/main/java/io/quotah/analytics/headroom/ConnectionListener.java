package io.quotah.analytics.headroom;

import io.quotah.analytics.connections.ConnectionDirectory;
import io.quotah.contracts.events.ConnectionChanged;
import io.quotah.contracts.events.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Keeps each connection's label, provider and masked key for the answer; a removed connection leaves it. */
@Component
class ConnectionListener {

    private final ConnectionDirectory connections;
    private final HeadroomBoard board;

    ConnectionListener(ConnectionDirectory connections, HeadroomBoard board) {
        this.connections = connections;
        this.board = board;
    }

    @KafkaListener(topics = Topics.CONNECTIONS)
    void on(ConnectionChanged change) {
        board.apply(change.workspaceId(), connections.apply(change));
    }
}
