package dev.sluice.application.port.out;

import dev.sluice.domain.endpoint.Endpoint;
import dev.sluice.domain.endpoint.ProbeResult;
import java.util.concurrent.CompletableFuture;

/**
 * Asks one endpoint whether it is alive.
 *
 * <p>Threading: returns at once without blocking; the future completes on the HTTP client's thread, within the
 * endpoint's {@code checkTimeout} (plus scheduling slack). It never completes exceptionally: refused, reset and
 * timed-out probes complete normally with a {@link dev.sluice.domain.endpoint.ProbeUnreachable}. The probe
 * reads at most a small bounded part of the answer and discards it.
 */
public interface HealthProbe {

    CompletableFuture<ProbeResult> probe(Endpoint endpoint);
}
