package dev.sluice.domain.endpoint;

import java.time.Duration;
import java.util.Objects;

/** The probe never got an HTTP answer: refused, reset, timed out, unresolvable host. */
public record ProbeUnreachable(String reason, Duration latency) implements ProbeResult {

    public ProbeUnreachable {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(latency, "latency");
    }
}
