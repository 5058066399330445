package dev.sluice.domain.endpoint;

import java.time.Duration;

/**
 * No probe was sent: the endpoint is configured {@code assume_healthy}, so it counts as healthy unless real traffic
 * has taken it out of routing (Olla issue #104: a paid API with no free health call).
 */
public record ProbeSkipped() implements ProbeResult {

    @Override
    public Duration latency() {
        return Duration.ZERO;
    }
}
