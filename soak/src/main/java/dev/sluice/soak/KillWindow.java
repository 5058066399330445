package dev.sluice.soak;

import static java.util.Objects.requireNonNull;

import java.util.Set;

/**
 * One backend kill as the soak saw it: from the moment it began stopping the backend to the moment the port was
 * closed, and which of the soak's requests had reached that backend and were not finished when it began.
 *
 * @param backend         the endpoint name of the killed backend
 * @param stoppingAtNanos when {@code stop()} was called
 * @param stoppedAtNanos  when {@code stop()} returned (the listener and every connection closed)
 * @param requestIds      the soak's request ids the backend had received that were in flight at the kill
 */
record KillWindow(String backend, long stoppingAtNanos, long stoppedAtNanos, Set<String> requestIds) {

    KillWindow {
        requireNonNull(backend, "backend");
        requestIds = Set.copyOf(requireNonNull(requestIds, "requestIds"));
        if (stoppedAtNanos < stoppingAtNanos) {
            throw new IllegalArgumentException("a kill cannot finish before it starts");
        }
    }

    /** Whether this kill can explain the failure: the request was on this backend, and alive as it died. */
    boolean explains(Failure failure) {
        return requestIds.contains(failure.requestId())
                && failure.startNanos() <= stoppedAtNanos
                && failure.endNanos() >= stoppingAtNanos;
    }
}
