package dev.sluice.application.fleet;

import dev.sluice.application.port.in.ReportFleetStatus;
import dev.sluice.domain.endpoint.EndpointSnapshot;
import java.util.List;

/** Answers status questions from the live fleet. */
public final class FleetStatus implements ReportFleetStatus {

    private final Fleet fleet;

    public FleetStatus(Fleet fleet) {
        this.fleet = fleet;
    }

    @Override
    public List<EndpointSnapshot> endpoints() {
        return fleet.snapshot();
    }
}
