package dev.sluice.application.fleet;

import dev.sluice.application.port.out.HealthProbe;
import dev.sluice.domain.endpoint.Endpoint;
import dev.sluice.domain.endpoint.HealthPolicy;
import dev.sluice.domain.endpoint.ProbeSkipped;
import dev.sluice.domain.endpoint.ProbeUnreachable;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Probes every endpoint on its own schedule: its {@code check_interval} while healthy, backing off while not.
 * Probes are asynchronous, so a hanging endpoint delays nobody else; the scheduler thread only starts them.
 */
public final class HealthMonitor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HealthMonitor.class);

    private final Fleet fleet;
    private final HealthProbe probe;
    private final HealthPolicy policy;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final Consumer<Transition> listener;
    private volatile boolean closed;

    /**
     * @param listener told of every probe's transition, on the probe client's thread; must not block
     */
    public HealthMonitor(Fleet fleet, HealthProbe probe, HealthPolicy policy, ScheduledExecutorService scheduler,
                         Clock clock, Consumer<Transition> listener) {
        this.fleet = Objects.requireNonNull(fleet, "fleet");
        this.probe = Objects.requireNonNull(probe, "probe");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * Probes every endpoint once, all at the same time, and completes when all have answered or timed out; then
     * keeps each on its own schedule. Callers wait on the result before reporting ready.
     */
    public CompletableFuture<Void> start() {
        List<CompletableFuture<Void>> first = fleet.endpoints().stream().map(this::check).toList();
        return CompletableFuture.allOf(first.toArray(CompletableFuture[]::new));
    }

    /** Probes one endpoint now, outside its schedule. */
    public CompletableFuture<Void> checkNow(Endpoint endpoint) {
        return result(endpoint).thenAccept(result -> {
            if (result != null) {
                apply(endpoint, result);
            }
        });
    }

    private CompletableFuture<Void> check(Endpoint endpoint) {
        return result(endpoint)
                .exceptionally(failure -> {
                    // A probe adapter must not fail, but if one does the endpoint must keep being checked, backing
                    // off like an unreachable one: its nextCheckAt is otherwise already past, so a broken adapter
                    // would be re-probed at once, in a hot loop.
                    LOG.error("health probe of {} failed unexpectedly", endpoint.name(), failure);
                    return new ProbeUnreachable("health probe failed: " + failure.getMessage(), Duration.ZERO);
                })
                .thenAccept(result -> {
                    if (result != null) {
                        apply(endpoint, result);
                    }
                })
                .exceptionally(failure -> {
                    LOG.error("recording the health of {} failed", endpoint.name(), failure);
                    return null;
                })
                .whenComplete((ok, failure) -> scheduleNext(endpoint));
    }

    // assume_healthy: no request is sent. An endpoint real traffic took down waits out its backoff, then is trusted
    // again; the next failing request takes it down once more.
    private CompletableFuture<dev.sluice.domain.endpoint.ProbeResult> result(Endpoint endpoint) {
        if (!endpoint.provider().assumeHealthy()) {
            return probe.probe(endpoint);
        }
        var health = fleet.health(endpoint);
        if (!health.routable() && health.checkedAt().isPresent() && clock.instant().isBefore(health.nextCheckAt())) {
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.completedFuture(new ProbeSkipped());
    }

    private void apply(Endpoint endpoint, dev.sluice.domain.endpoint.ProbeResult result) {
        Transition transition = fleet.update(endpoint, before -> policy.next(before, result, endpoint, clock.instant()));
        if (transition.statusChanged()) {
            String why = transition.after().lastError().map(e -> " (" + e + ")").orElse("");
            if (transition.after().status() == dev.sluice.domain.endpoint.EndpointStatus.CONFIG_ERROR) {
                // A refused credential never fixes itself: loud enough to be seen in the startup log.
                LOG.warn("endpoint {} is {}{}", endpoint.name(), transition.after().status().wireName(), why);
            } else {
                LOG.info("endpoint {} is {}{}", endpoint.name(), transition.after().status().wireName(), why);
            }
        }
        listener.accept(transition);
    }

    private void scheduleNext(Endpoint endpoint) {
        if (closed) {
            return;
        }
        Duration wait = Duration.between(clock.instant(), fleet.health(endpoint).nextCheckAt());
        long delayMillis = Math.max(0, wait.toMillis());
        try {
            scheduler.schedule(() -> {
                check(endpoint);
            }, delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException shuttingDown) {
            LOG.debug("health checks of {} stopped: scheduler is shut down", endpoint.name());
        }
    }

    @Override
    public void close() {
        closed = true;
    }
}
