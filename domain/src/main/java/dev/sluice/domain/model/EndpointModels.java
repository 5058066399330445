package dev.sluice.domain.model;

import dev.sluice.domain.endpoint.Endpoint;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** What one endpoint served at its last successful discovery. */
public record EndpointModels(Endpoint endpoint, List<DiscoveredModel> models, Instant discoveredAt) {

    public EndpointModels {
        Objects.requireNonNull(endpoint, "endpoint");
        models = List.copyOf(models);
        Objects.requireNonNull(discoveredAt, "discoveredAt");
    }
}
