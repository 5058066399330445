package dev.sluice.domain.limits;

/**
 * A sustained rate with a burst allowance: {@code perMinute} requests a minute on average, up to {@code burst} at
 * once after a quiet spell.
 */
public record Rate(int perMinute, int burst) {

    public Rate {
        if (perMinute <= 0) {
            throw new IllegalArgumentException("a rate must be positive; use no limiter for unlimited");
        }
        burst = Math.max(1, burst);
    }

    double tokensPerNano() {
        return perMinute / 60e9;
    }
}
