package dev.sluice.domain.limits;

import java.time.Duration;
import java.util.Objects;

/**
 * A request that waited for a busy endpoint and was turned away: the waiting room was full when it arrived, or no
 * endpoint freed up before its queue timeout. Carries what the client should hear: why, and when to come back.
 */
public final class QueueRefusal extends RuntimeException {

    /** Why the request was refused. */
    public enum Reason { FULL, TIMED_OUT }

    private final Reason reason;
    private final Duration retryAfter;

    public QueueRefusal(Reason reason, Duration retryAfter, String message) {
        super(message, null, false, false);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    public Reason reason() {
        return reason;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
