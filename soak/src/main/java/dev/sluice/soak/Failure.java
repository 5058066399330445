package dev.sluice.soak;

import static java.util.Objects.requireNonNull;

/**
 * One failed request, with what is needed to decide afterwards whether its failure was excusable.
 *
 * @param requestId  the {@code X-Request-ID} the soak sent (the proxy forwards it to the backend)
 * @param traffic    what kind of request it was
 * @param problem    what went wrong
 * @param endpoint   the proxy's {@code X-Olla-Endpoint} when headers arrived, else empty
 * @param startNanos when it was sent, on the soak's nanosecond clock
 * @param endNanos   when it failed, same clock
 */
record Failure(String requestId, TrafficKind traffic, Problem problem, String endpoint, long startNanos,
               long endNanos) {

    Failure {
        requireNonNull(requestId, "requestId");
        requireNonNull(traffic, "traffic");
        requireNonNull(problem, "problem");
        requireNonNull(endpoint, "endpoint");
        if (endNanos < startNanos) {
            throw new IllegalArgumentException("a request cannot end (" + endNanos + ") before it starts ("
                    + startNanos + ")");
        }
    }
}
