package io.quotah.dev.simulator.control;

import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;

/** Every key's buckets at {@code now}. */
public record SimulatorState(Instant now, List<KeyState> keys) {

    public SimulatorState {
        keys = List.copyOf(keys);
    }

    /** The key with this secret or id. */
    public KeyState key(String keyOrId) {
        return keys.stream().filter(key -> key.key().equals(keyOrId) || key.id().equals(keyOrId)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no key " + keyOrId));
    }
}
