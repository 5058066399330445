package dev.sluice.application.fleet;

import dev.sluice.application.port.in.ReportFleetStatus;
import dev.sluice.application.port.in.ReportHealthHistory;
import dev.sluice.domain.endpoint.Endpoint;
import dev.sluice.domain.endpoint.EndpointSnapshot;
import dev.sluice.domain.endpoint.HealthChange;
import java.util.List;

/** Answers status questions from the live fleet. */
public final class FleetStatus implements ReportFleetStatus, ReportHealthHistory {

    private final Fleet fleet;

    public FleetStatus(Fleet fleet) {
        this.fleet = fleet;
    }

    @Override
    public List<EndpointSnapshot> endpoints() {
        return fleet.snapshot();
    }

    @Override
    public List<HealthChange> of(Endpoint endpoint) {
        return fleet.history(endpoint);
    }

    @Override
    public long changes(Endpoint endpoint) {
        return fleet.statusChanges(endpoint);
    }
}
