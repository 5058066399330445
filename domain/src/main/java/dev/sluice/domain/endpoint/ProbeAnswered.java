package dev.sluice.domain.endpoint;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The endpoint answered the probe with an HTTP status.
 *
 * @param retryAfter how long the endpoint asked us to wait (a 429's Retry-After), if it said
 */
public record ProbeAnswered(int status, Duration latency, Optional<Duration> retryAfter) implements ProbeResult {

    public ProbeAnswered {
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(retryAfter, "retryAfter");
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("HTTP status out of range: " + status);
        }
    }

    public static ProbeAnswered of(int status, Duration latency) {
        return new ProbeAnswered(status, latency, Optional.empty());
    }
}
