package dev.sluice.application.port.in;

import dev.sluice.domain.endpoint.Endpoint;
import dev.sluice.domain.guard.GuardState;

/** Reads each endpoint's circuit-breaker and ejection state for status pages. Lock-free. */
public interface ReportGuards {

    GuardState of(Endpoint endpoint);
}
