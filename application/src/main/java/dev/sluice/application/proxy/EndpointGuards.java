package dev.sluice.application.proxy;

import dev.sluice.application.port.in.ReportGuards;
import dev.sluice.domain.endpoint.Endpoint;
import dev.sluice.domain.endpoint.RequestOutcome;
import dev.sluice.domain.guard.GuardPolicy;
import dev.sluice.domain.guard.GuardState;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each endpoint's breaker and ejection state, learnt from real requests. Lock-free: one immutable state per
 * endpoint, updated by compare-and-set, so admitting the single half-open trial is exact under concurrency.
 */
public final class EndpointGuards implements ReportGuards {

    private static final Logger LOG = LoggerFactory.getLogger(EndpointGuards.class);

    private final GuardPolicy policy;
    private final Clock clock;
    private final Map<String, AtomicReference<GuardState>> byEndpoint;

    public EndpointGuards(List<Endpoint> endpoints, GuardPolicy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
        this.byEndpoint = endpoints.stream().collect(Collectors.toUnmodifiableMap(Endpoint::id,
                e -> new AtomicReference<>(GuardState.CLOSED), (a, b) -> a));
    }

    /** Whether the endpoint could take a request now, without claiming anything. */
    boolean mayAdmit(Endpoint endpoint) {
        return policy.admit(byEndpoint.get(endpoint.id()).get(), clock.instant()).allowed();
    }

    /** Whether a request may be sent to the endpoint now; claims the half-open trial when it is the one. */
    boolean admit(Endpoint endpoint) {
        AtomicReference<GuardState> ref = byEndpoint.get(endpoint.id());
        while (true) {
            GuardState before = ref.get();
            GuardPolicy.Admission admission = policy.admit(before, clock.instant());
            if (!admission.allowed()) {
                return false;
            }
            if (admission.state() == before || ref.compareAndSet(before, admission.state())) {
                return true;
            }
        }
    }

    void record(Endpoint endpoint, RequestOutcome outcome) {
        AtomicReference<GuardState> ref = byEndpoint.get(endpoint.id());
        GuardState before;
        GuardState after;
        do {
            before = ref.get();
            after = policy.record(before, outcome, clock.instant());
        } while (!ref.compareAndSet(before, after));
        if (after.blockedUntil().isPresent() && before.blockedUntil().isEmpty()) {
            LOG.warn("endpoint {} taken out of routing until {} ({})", endpoint.name(), after.blockedUntil().get(),
                    after.reason());
        } else if (before.blockedUntil().isPresent() && after.blockedUntil().isEmpty()) {
            LOG.info("endpoint {} is back in routing", endpoint.name());
        }
    }

    /**
     * A health probe that finds an endpoint healthy again, after it was down, closes its breaker at once: the
     * probe is a better witness than waiting out {@code open_duration} while the fleet runs short of endpoints.
     * Ejection for 5xx or 429 is left alone: those endpoints never looked unhealthy to the probe.
     */
    public void onTransition(dev.sluice.application.fleet.Transition transition) {
        if (!transition.recovered()) {
            return;
        }
        AtomicReference<GuardState> ref = byEndpoint.get(transition.endpoint().id());
        GuardState before = ref.get();
        if (before.reason().equals("circuit_open") && ref.compareAndSet(before, GuardState.CLOSED)) {
            LOG.info("endpoint {} is back in routing: its health check passes again", transition.endpoint().name());
        }
    }

    @Override
    public GuardState of(Endpoint endpoint) {
        AtomicReference<GuardState> ref = byEndpoint.get(endpoint.id());
        return ref == null ? GuardState.CLOSED : ref.get();
    }
}
