package dev.sluice.application.proxy;

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
    private final AtomicBoolean released = new AtomicBoolean();

    ProxyAttempt(Endpoint endpoint, Optional<String> modelOverride, EndpointTraffic traffic, EndpointGuards guards) {
        this.guards = guards;
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
        return true;
    }
}
