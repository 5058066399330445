package dev.sluice.soak;

import static java.util.Objects.requireNonNull;

/** How one request ended, as the client saw it; records itself so callers need no type tests. */
sealed interface Outcome {

    /** Adds this outcome to the tally; the times are on the soak's nanosecond clock. */
    void recordIn(Tally tally, TrafficKind kind, String requestId, long startNanos, long endNanos);

    /** A complete, correct 2xx answer. */
    record Served(String endpoint) implements Outcome {
        public Served {
            requireNonNull(endpoint, "endpoint");
        }

        @Override
        public void recordIn(Tally tally, TrafficKind kind, String requestId, long startNanos, long endNanos) {
            tally.succeeded(kind, endpoint);
        }
    }

    /** Anything else; {@code endpoint} is empty when no response headers arrived. */
    record Failed(Problem problem, String endpoint) implements Outcome {
        public Failed {
            requireNonNull(problem, "problem");
            requireNonNull(endpoint, "endpoint");
        }

        @Override
        public void recordIn(Tally tally, TrafficKind kind, String requestId, long startNanos, long endNanos) {
            tally.failed(new Failure(requestId, kind, problem, endpoint, startNanos, endNanos));
        }
    }
}
