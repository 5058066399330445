package dev.sluice.application.proxy;

import dev.sluice.application.limits.EndpointConcurrency;
import dev.sluice.application.port.in.Attempt;
import dev.sluice.domain.endpoint.Endpoint;
import dev.sluice.domain.endpoint.RequestOutcome;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/** An attempt with its lease: active from creation until the first {@link #release}, which alone counts. */
final class ProxyAttempt implements Attempt {

    private final Endpoint endpoint;
    private final Optional<String> modelOverride;
    private final EndpointTraffic traffic;
    private final EndpointGuards guards;
    private final EndpointDemotion demotion;
    private final EndpointConcurrency concurrency;
    private final AtomicBoolean released = new AtomicBoolean();

    /** Takes over the concurrency place the plan acquired for this endpoint; gives it back on release. */
    ProxyAttempt(Endpoint endpoint, Optional<String> modelOverride, EndpointTraffic traffic, EndpointGuards guards,
                 EndpointDemotion demotion, EndpointConcurrency concurrency) {
        this.concurrency = concurrency;
        this.guards = guards;
        this.demotion = demotion;
        this.endpoint = endpoint;
        this.modelOverride = modelOverride;
        this.traffic = traffic;
        traffic.active.incrementAndGet();
    }

    @Override
    public Endpoint endpoint() {
        return endpoint;
    }

    @Override
    public Optional<String> modelOverride() {
        return modelOverride;
    }

    @Override
    public boolean release(RequestOutcome outcome) {
        if (!released.compareAndSet(false, true)) {
            return false;
        }
        traffic.active.decrementAndGet();
        traffic.record(outcome);
        guards.record(endpoint, outcome);
        // An endpoint nobody probes (assume_healthy) learns of a refused key only from real traffic.
        boolean refused = outcome.status() == 401 || outcome.status() == 403;
        if (refused && endpoint.provider().assumeHealthy()) {
            demotion.refused(endpoint, outcome.status());
        }
        // Last: freeing the place may hand it straight to a waiting request on this thread.
        concurrency.release(endpoint);
        return true;
    }
}
