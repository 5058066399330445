package dev.sluice.domain.fallback;

import java.time.Duration;
import java.util.Objects;

/**
 * What follows a failed attempt.
 *
 * @param action what to do
 * @param delay  how long to wait first (only {@link Action#RETRY_SAME} waits)
 */
public record FallbackStep(Action action, Duration delay) {

    /** The three ways on. */
    public enum Action {
        /** Return the failure to the client. */
        GIVE_UP,
        /** Send the request to the same endpoint again after {@code delay}. */
        RETRY_SAME,
        /** Send the request to another candidate. */
        MOVE_ON;

        public boolean proceeds() {
            return this != GIVE_UP;
        }
    }

    public static final FallbackStep GIVE_UP = new FallbackStep(Action.GIVE_UP, Duration.ZERO);
    public static final FallbackStep MOVE_ON = new FallbackStep(Action.MOVE_ON, Duration.ZERO);

    public FallbackStep {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative");
        }
    }

    public static FallbackStep retrySame(Duration delay) {
        return new FallbackStep(Action.RETRY_SAME, delay);
    }
}
