package dev.sluice.application.port.in;

import dev.sluice.domain.endpoint.EndpointSnapshot;
import java.util.List;

/** Reads every configured endpoint with its current health, in configuration order. Lock-free; safe anywhere. */
public interface ReportFleetStatus {

    List<EndpointSnapshot> endpoints();
}
