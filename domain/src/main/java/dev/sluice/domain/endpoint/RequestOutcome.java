package dev.sluice.domain.endpoint;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How one proxied attempt ended.
 *
 * @param success         the response was relayed whole (whatever its status); false for transport failures,
 *                        timeouts and client aborts
 * @param bytes           response body bytes relayed to the client
 * @param latency         from sending upstream to the end of the response
 * @param timeToFirstByte from sending upstream to the response headers, when they arrived
 */
public record RequestOutcome(boolean success, long bytes, Duration latency, Optional<Duration> timeToFirstByte) {

    public RequestOutcome {
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(timeToFirstByte, "timeToFirstByte");
    }
}
