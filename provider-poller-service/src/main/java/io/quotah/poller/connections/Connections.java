package io.quotah.poller.connections;

import io.quotah.contracts.events.ConnectionChanged;
import io.quotah.contracts.events.ConnectionChanged.Change;
import io.quotah.contracts.events.Provider;
import io.quotah.platform.outbox.Outbox;
import io.quotah.poller.provider.AdminApiException;
import io.quotah.poller.provider.ProviderAdapter;
import io.quotah.poller.provider.ProviderAdapters;
import io.quotah.poller.secrets.KeyCipher;
import io.quotah.poller.web.ConflictException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Adding, changing and removing watched keys. A key is checked with its provider before it is stored, so the
 * customer learns at once whether it works; every change is announced through the outbox.
 */
@Service
public class Connections {

    private final ConnectionStore store;
    private final ProviderAdapters adapters;
    private final KeyCipher cipher;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Connections(ConnectionStore store, ProviderAdapters adapters, KeyCipher cipher, Outbox outbox,
            TransactionTemplate transactions, Clock clock) {
        this.store = store;
        this.adapters = adapters;
        this.cipher = cipher;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * @throws InvalidKeyException before any call, for a key in the wrong format for its provider
     * @throws ConflictException when the workspace already watches the key
     */
    Connection add(String workspaceId, Provider provider, String label, String key, String adminKey, boolean probing,
            int pollIntervalSeconds) {
        ProviderAdapter adapter = adapters.of(provider).orElseThrow(() -> new InvalidKeyException("provider",
                "is not watched yet: choose " + adapters.watched()));
        adapter.keyFormatProblem(key).ifPresent(problem -> {
            throw new InvalidKeyException("key", problem);
        });
        if (adminKey != null) {
            adapter.adminKeyFormatProblem(adminKey).ifPresent(problem -> {
                throw new InvalidKeyException("adminKey", problem);
            });
        }
        Instant now = clock.instant();
        KeyStanding checked = check(adapter, key, adminKey);
        Connection connection = new Connection(UUID.randomUUID(), workspaceId, provider, label, adapter.mask(key),
                cipher.seal(key), adminKey == null ? null : adapter.mask(adminKey),
                adminKey == null ? null : cipher.seal(adminKey), probing, pollIntervalSeconds, checked.status(),
                checked.reason(), now, checked.keyWorks() ? now : null,
                checked.status() == ConnectionStatus.HEALTHY ? null : checked.reason(), 0, now);
        try {
            transactions.executeWithoutResult(tx -> {
                store.insert(connection, fingerprint(key), now);
                outbox.append(changed(connection, Change.ADDED, null));
                outbox.append(changed(connection, checked.status() == ConnectionStatus.INVALID ? Change.INVALID
                        : Change.VALIDATED, checked.reason()));
            });
        } catch (DuplicateKeyException alreadyWatched) {
            throw new ConflictException("This workspace already watches that key");
        }
        return connection;
    }

    public List<Connection> list(String workspaceId) {
        return store.inWorkspace(workspaceId);
    }

    public Optional<Connection> find(String workspaceId, UUID id) {
        return store.find(workspaceId, id);
    }

    Optional<Connection> update(String workspaceId, UUID id, String label, Boolean probing, Integer interval) {
        return store.update(workspaceId, id, label, probing, interval, clock.instant());
    }

    boolean remove(String workspaceId, UUID id) {
        return Boolean.TRUE.equals(transactions.execute(tx -> store.delete(workspaceId, id)
                .map(removed -> {
                    outbox.append(changed(removed, Change.REMOVED, null));
                    return true;
                }).orElse(false)));
    }

    /** A {@link ConnectionChanged} for a connection, never carrying the key itself. */
    public static ConnectionChanged changed(Connection connection, Change change, String reason) {
        return new ConnectionChanged(UUID.randomUUID(), connection.workspaceId(), Instant.now(),
                ConnectionChanged.SCHEMA_VERSION, connection.id(), connection.provider(), connection.label(),
                connection.maskedKey(), change, reason, connection.pollIntervalSeconds());
    }

    private KeyStanding check(ProviderAdapter adapter, String key, String adminKey) {
        KeyStanding checked = KeyStanding.of(adapter.validate(key));
        if (adminKey != null && checked.status() != ConnectionStatus.INVALID) {
            try {
                adapter.configuredLimits(adminKey);
            } catch (AdminApiException refused) {
                return new KeyStanding(ConnectionStatus.INVALID, "the Admin key was refused: " + refused.getMessage());
            }
        }
        return checked;
    }

    private static String fingerprint(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
