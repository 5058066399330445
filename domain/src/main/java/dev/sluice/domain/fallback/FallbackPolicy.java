package dev.sluice.domain.fallback;

import java.time.Duration;
import java.util.Objects;

/**
 * The fallback rule for one request: given how the attempt failed and how often the same endpoint was already
 * retried, the next step. Pure; the jitter comes in as a number so tests choose it.
 *
 * @param strategy          what a transient failure leads to
 * @param retrySameAttempts retries of the same endpoint under {@link FallbackStrategy#RETRY_SAME} before moving on
 * @param backoff           the first retry's delay; each further retry doubles it
 * @param maxBackoff        the cap on one delay
 */
public record FallbackPolicy(FallbackStrategy strategy, int retrySameAttempts, Duration backoff, Duration maxBackoff) {

    /** Olla's behaviour and seed 004's default: on to the next endpoint. */
    public static final FallbackPolicy NEXT_AVAILABLE =
            new FallbackPolicy(FallbackStrategy.NEXT_AVAILABLE, 2, Duration.ofMillis(100), Duration.ofSeconds(5));

    public FallbackPolicy {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (retrySameAttempts < 0) {
            throw new IllegalArgumentException("retrySameAttempts must be >= 0");
        }
        if (backoff.isNegative() || maxBackoff.isNegative()) {
            throw new IllegalArgumentException("backoff must not be negative");
        }
    }

    /**
     * The step after a failure.
     *
     * @param failure     how the attempt failed
     * @param sameRetries how many times this endpoint was already retried for this request
     * @param jitter      a number in [0, 1): the delay is between half and all of the exponential backoff
     */
    public FallbackStep after(FailureClass failure, int sameRetries, double jitter) {
        if (failure == FailureClass.PERMANENT || !strategy.retries()) {
            return FallbackStep.GIVE_UP;
        }
        if (strategy == FallbackStrategy.RETRY_SAME && sameRetries < retrySameAttempts) {
            return FallbackStep.retrySame(delay(sameRetries, jitter));
        }
        return FallbackStep.MOVE_ON;
    }

    /** Whether the balancer (rather than priority, then load) chooses the endpoint moved on to. */
    public boolean balancerChoosesAlternative() {
        return strategy == FallbackStrategy.BEST_ALTERNATIVE;
    }

    // "Equal jitter": half the exponential delay fixed, half random, so retries from many requests spread out
    // without any of them retrying at once.
    Duration delay(int sameRetries, double jitter) {
        long base = backoff.toNanos();
        long cap = maxBackoff.toNanos();
        long exponential = sameRetries >= 62 || base > (cap >> Math.min(sameRetries, 62)) ? cap : base << sameRetries;
        long capped = Math.min(exponential, cap);
        double unit = Math.max(0, Math.min(jitter, 1));
        return Duration.ofNanos(capped / 2 + (long) (capped / 2.0 * unit));
    }
}
