package dev.sluice.application.catalog;

import dev.sluice.application.port.in.ListModels;
import dev.sluice.domain.endpoint.Endpoint;
import dev.sluice.domain.model.EndpointModels;
import dev.sluice.domain.model.ModelCatalog;
import dev.sluice.domain.model.ModelUnifier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Keeps what each endpoint last reported and the unified catalogue built from it. Writers (discovery, every few
 * minutes) serialise on this object; readers (every request) read the current catalogue without locking.
 */
public final class ModelRegistry implements ListModels {

    private final ModelUnifier unifier;
    private final Clock clock;
    private final Map<String, EndpointModels> perEndpoint = new HashMap<>();
    private final AtomicReference<ModelCatalog> catalog = new AtomicReference<>(ModelCatalog.EMPTY);

    public ModelRegistry(ModelUnifier unifier, Clock clock) {
        this.unifier = unifier;
        this.clock = clock;
    }

    @Override
    public ModelCatalog catalog() {
        return catalog.get();
    }

    @Override
    public Optional<EndpointModels> modelsOf(Endpoint endpoint) {
        synchronized (this) {
            return Optional.ofNullable(perEndpoint.get(endpoint.id()));
        }
    }

    /** Replaces what the endpoint serves and rebuilds the catalogue. */
    public synchronized void record(EndpointModels models) {
        perEndpoint.put(models.endpoint().id(), models);
        rebuild();
    }

    /**
     * Forgets endpoints whose last successful discovery is older than {@code threshold}: their models are stale.
     *
     * @return how many endpoints' models were dropped
     */
    public synchronized int evictOlderThan(Duration threshold) {
        Instant cutoff = clock.instant().minus(threshold);
        int before = perEndpoint.size();
        perEndpoint.values().removeIf(m -> m.discoveredAt().isBefore(cutoff));
        int evicted = before - perEndpoint.size();
        if (evicted > 0) {
            rebuild();
        }
        return evicted;
    }

    private void rebuild() {
        catalog.set(unifier.unify(List.copyOf(perEndpoint.values()), clock.instant()));
    }
}
