package io.quotah.dev.simulator.bucket;

import java.time.Duration;
import java.util.Map;

/** The outcome of asking a key's buckets for a request, with every bucket's state afterwards. */
public sealed interface Admission {

    Map<LimitWindow, BucketState> states();

    /** The request was charged. */
    record Admitted(Map<LimitWindow, BucketState> states) implements Admission {
    }

    /**
     * Nothing was charged: {@code window} lacks room for {@code requested} for another {@code retryAfter}.
     * When several windows lack room, the one that frees up last is named.
     */
    record Rejected(LimitWindow window, long requested, Duration retryAfter, Map<LimitWindow, BucketState> states)
            implements Admission {

        public BucketState exceeded() {
            return states.get(window);
        }
    }
}
