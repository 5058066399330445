package dev.sluice.domain.endpoint;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One change of an endpoint's status, as the provider pages show its health history.
 *
 * @param at    when the change was seen
 * @param from  the status before
 * @param to    the status after
 * @param error why, when the new status came with an error
 */
public record HealthChange(Instant at, EndpointStatus from, EndpointStatus to, Optional<String> error) {

    public HealthChange {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(error, "error");
    }
}
