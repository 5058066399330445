package dev.sluice.domain.fallback;

import java.util.Locale;

/**
 * What a request does when its attempt fails with a transient error before anything reached the client (seed 004's
 * {@code FALLBACK_STRATEGY}). A permanent error is returned at once whatever the strategy.
 */
public enum FallbackStrategy {
    /** Return the failure as it is. */
    NONE("none"),
    /** Try the next candidate: highest priority, then least busy, without moving the balancer's rotation. */
    NEXT_AVAILABLE("next_available"),
    /** Retry the same endpoint with exponential backoff and jitter, then move on as {@link #NEXT_AVAILABLE}. */
    RETRY_SAME("retry_same"),
    /** Try the candidate the active balancer ranks best among those left. */
    BEST_ALTERNATIVE("best_alternative");

    private final String wireName;

    FallbackStrategy(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Whether a failed attempt may lead to another one at all. */
    public boolean retries() {
        return this != NONE;
    }

    /** Accepts {@code next_available}, {@code next-available} and any case. */
    public static FallbackStrategy parse(String name) {
        String normalised = name == null ? "" : name.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        for (FallbackStrategy strategy : values()) {
            if (strategy.wireName.equals(normalised)) {
                return strategy;
            }
        }
        throw new IllegalArgumentException("unknown fallback strategy '" + name
                + "' (expected none, next_available, retry_same or best_alternative)");
    }
}
