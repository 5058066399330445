package dev.sluice.domain.limits;

/**
 * A token bucket's state at one instant: immutable, so a limiter swaps it with compare-and-set and never locks.
 *
 * @param tokens        tokens available, fractional while refilling
 * @param lastNanos     monotonic time of the last refill
 */
public record TokenBucket(double tokens, long lastNanos) {

    /** A full bucket at {@code now}. */
    public static TokenBucket full(Rate rate, long now) {
        return new TokenBucket(rate.burst(), now);
    }

    /** The bucket refilled up to {@code now} (never above the burst). */
    public TokenBucket refill(Rate rate, long now) {
        long elapsed = Math.max(0, now - lastNanos);
        double refilled = Math.min(rate.burst(), tokens + elapsed * rate.tokensPerNano());
        return new TokenBucket(refilled, Math.max(now, lastNanos));
    }

    /** The bucket after taking one token, or null if none is available. */
    public TokenBucket take() {
        return tokens >= 1 ? new TokenBucket(tokens - 1, lastNanos) : null;
    }

    /** Nanoseconds until one token is available. */
    public long nanosUntilToken(Rate rate) {
        return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) / rate.tokensPerNano());
    }
}
