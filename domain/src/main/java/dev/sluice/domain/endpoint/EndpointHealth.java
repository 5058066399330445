package dev.sluice.domain.endpoint;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One consistent picture of an endpoint's health. Immutable and replaced whole, so a reader never sees a status
 * from one probe with the latency of another.
 *
 * @param checkedAt           when the last probe finished; empty before the first
 * @param nextCheckAt         when the next probe is due
 * @param lastLatency         how long the last probe took
 * @param consecutiveFailures probes in a row that did not find the endpoint healthy
 * @param backoffMultiplier   factor applied to the check interval for the next failing probe (1 while healthy)
 * @param lastError           why the last probe failed, empty when it succeeded
 */
public record EndpointHealth(
        EndpointStatus status,
        Optional<Instant> checkedAt,
        Instant nextCheckAt,
        Duration lastLatency,
        int consecutiveFailures,
        int backoffMultiplier,
        Optional<String> lastError) {

    public EndpointHealth {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(checkedAt, "checkedAt");
        Objects.requireNonNull(nextCheckAt, "nextCheckAt");
        Objects.requireNonNull(lastLatency, "lastLatency");
        Objects.requireNonNull(lastError, "lastError");
        if (consecutiveFailures < 0 || backoffMultiplier < 1) {
            throw new IllegalArgumentException("failures must be >= 0 and multiplier >= 1");
        }
    }

    /** The state of an endpoint nobody has probed yet: due at once. */
    public static EndpointHealth unknown(Instant now) {
        return new EndpointHealth(EndpointStatus.UNKNOWN, Optional.empty(), now, Duration.ZERO, 0, 1, Optional.empty());
    }

    public boolean routable() {
        return status.routable();
    }
}
