package dev.sluice.adapters.config.schema;

import java.time.Duration;

/**
 * {@code proxy.fallback} (ours, seed 004's {@code FALLBACK_STRATEGY}): what a request does when an endpoint fails
 * with a transient error (connect error, timeout, 429, 5xx) before anything reached the client. {@code strategy}:
 * none, next_available, retry_same, best_alternative; {@code retry_same_attempts} retries of the same endpoint, the
 * first after {@code backoff}, doubling up to {@code max_backoff}, with jitter.
 */
public record FallbackConfig(String strategy, Integer retrySameAttempts, Duration backoff, Duration maxBackoff) {

    public FallbackConfig {
        strategy = strategy == null ? "next_available" : strategy;
        retrySameAttempts = retrySameAttempts == null ? 2 : retrySameAttempts;
        backoff = backoff == null ? Duration.ofMillis(100) : backoff;
        maxBackoff = maxBackoff == null ? Duration.ofSeconds(5) : maxBackoff;
    }
}
