package dev.sluice.application.catalog;

import dev.sluice.application.fleet.Fleet;
import dev.sluice.application.fleet.Transition;
import dev.sluice.application.port.out.ModelDiscovery;
import dev.sluice.domain.endpoint.Endpoint;
import dev.sluice.domain.model.DiscoveredModel;
import dev.sluice.domain.model.EndpointModels;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the catalogue current: asks every routable endpoint for its models each {@code interval} (at most
 * {@code concurrent_workers} at a time), again whenever an endpoint recovers, and evicts models not seen within
 * {@code stale_threshold}. A failing endpoint is retried with backoff, then left with no models and one warning.
 */
public final class ModelDiscoveryService {

    private static final Logger LOG = LoggerFactory.getLogger(ModelDiscoveryService.class);

    private final Fleet fleet;
    private final ModelDiscovery discovery;
    private final ModelRegistry registry;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final DiscoverySettings settings;
    // Endpoints whose current failure streak has been reported, so a dead endpoint warns once, not every interval.
    private final Map<String, Boolean> warned = new ConcurrentHashMap<>();

    public ModelDiscoveryService(Fleet fleet, ModelDiscovery discovery, ModelRegistry registry,
                                 ScheduledExecutorService scheduler, Clock clock, DiscoverySettings settings) {
        this.fleet = fleet;
        this.discovery = discovery;
        this.registry = registry;
        this.scheduler = scheduler;
        this.clock = clock;
        this.settings = settings;
    }

    /** Schedules periodic discovery and stale-model cleanup. The first full refresh is the caller's to await. */
    public void start() {
        if (settings.enabled()) {
            long interval = settings.interval().toMillis();
            scheduler.scheduleWithFixedDelay(this::refreshAllQuietly, interval, interval, TimeUnit.MILLISECONDS);
        }
        long cleanup = settings.cleanupInterval().toMillis();
        scheduler.scheduleWithFixedDelay(() -> {
            int evicted = registry.evictOlderThan(settings.staleThreshold());
            if (evicted > 0) {
                LOG.info("evicted the models of {} endpoint(s) not seen within {}", evicted, settings.staleThreshold());
            }
        }, cleanup, cleanup, TimeUnit.MILLISECONDS);
    }

    /** Reacts to a health transition: an endpoint that came back may serve different models now. */
    public void onTransition(Transition transition) {
        if (settings.enabled() && transition.recovered()) {
            refresh(transition.endpoint());
        }
    }

    /** Discovers every routable endpoint, at most {@code concurrent_workers} at once; never completes exceptionally. */
    public CompletableFuture<Void> refreshAll() {
        if (!settings.enabled()) {
            return CompletableFuture.completedFuture(null);
        }
        Queue<Endpoint> pending = new ArrayDeque<>(fleet.routable());
        CompletableFuture<?>[] lanes = new CompletableFuture<?>[Math.min(settings.concurrentWorkers(),
                Math.max(1, pending.size()))];
        for (int i = 0; i < lanes.length; i++) {
            lanes[i] = drain(pending);
        }
        return CompletableFuture.allOf(lanes);
    }

    // One lane: takes the next endpoint when the previous one is done, so N lanes bound concurrency without threads.
    private CompletableFuture<Void> drain(Queue<Endpoint> pending) {
        Endpoint next;
        synchronized (pending) {
            next = pending.poll();
        }
        if (next == null) {
            return CompletableFuture.completedFuture(null);
        }
        return refresh(next).thenCompose(ignored -> drain(pending));
    }

    /** Discovers one endpoint now, retrying as configured; never completes exceptionally. */
    public CompletableFuture<Void> refresh(Endpoint endpoint) {
        return attempt(endpoint, 0).handle((models, failure) -> {
            if (failure == null) {
                registry.record(new EndpointModels(endpoint, models, clock.instant()));
                if (warned.remove(endpoint.id()) != null) {
                    LOG.info("model discovery of {} works again: {} model(s)", endpoint.name(), models.size());
                } else {
                    LOG.debug("discovered {} model(s) on {}", models.size(), endpoint.name());
                }
            } else {
                registry.record(new EndpointModels(endpoint, List.of(), clock.instant()));
                String reason = unwrap(failure).getMessage();
                if (warned.putIfAbsent(endpoint.id(), Boolean.TRUE) == null) {
                    LOG.warn("model discovery of {} failed, it lists no models until it answers: {}",
                            endpoint.name(), reason);
                } else {
                    LOG.debug("model discovery of {} still failing: {}", endpoint.name(), reason);
                }
            }
            return null;
        });
    }

    private CompletableFuture<List<DiscoveredModel>> attempt(Endpoint endpoint, int attempt) {
        return discovery.discover(endpoint).handle((models, failure) -> {
            if (failure == null) {
                return CompletableFuture.completedFuture(models);
            }
            if (attempt >= settings.retryAttempts() || !fleet.health(endpoint).routable()) {
                return CompletableFuture.<List<DiscoveredModel>>failedFuture(unwrap(failure));
            }
            long backoff = settings.retryBackoff().toMillis() << Math.min(attempt, 10);
            CompletableFuture<List<DiscoveredModel>> retried = new CompletableFuture<>();
            try {
                scheduler.schedule(() -> attempt(endpoint, attempt + 1).whenComplete((m, f) -> {
                    if (f == null) {
                        retried.complete(m);
                    } else {
                        retried.completeExceptionally(f);
                    }
                }), backoff, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException shuttingDown) {
                retried.completeExceptionally(unwrap(failure));
            }
            return retried;
        }).thenCompose(f -> f);
    }

    private void refreshAllQuietly() {
        refreshAll();
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }
}
