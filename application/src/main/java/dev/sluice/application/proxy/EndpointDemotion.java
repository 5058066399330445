package dev.sluice.application.proxy;

import dev.sluice.application.fleet.Fleet;
import dev.sluice.application.fleet.Transition;
import dev.sluice.domain.endpoint.Endpoint;
import dev.sluice.domain.endpoint.HealthPolicy;
import dev.sluice.domain.endpoint.ProbeUnreachable;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Marks an endpoint offline the moment a request cannot reach it, with the same backoff arithmetic as a failed
 * probe, so the next requests skip it at once and the health monitor brings it back when it answers again.
 */
public final class EndpointDemotion {

    private static final Logger LOG = LoggerFactory.getLogger(EndpointDemotion.class);

    private final Fleet fleet;
    private final HealthPolicy policy;
    private final Clock clock;

    public EndpointDemotion(Fleet fleet, HealthPolicy policy, Clock clock) {
        this.fleet = fleet;
        this.policy = policy;
        this.clock = clock;
    }

    public void unreachable(Endpoint endpoint, String reason) {
        Transition t = fleet.update(endpoint, before ->
                policy.next(before, new ProbeUnreachable(reason, Duration.ZERO), endpoint, clock.instant()));
        if (t.statusChanged()) {
            LOG.warn("endpoint {} is offline: a request could not reach it ({})", endpoint.name(), reason);
        }
    }
}
