package dev.sluice.application.proxy;

import dev.sluice.application.fleet.Fleet;
import dev.sluice.application.fleet.Transition;
import dev.sluice.domain.endpoint.Endpoint;
import dev.sluice.domain.endpoint.HealthPolicy;
import dev.sluice.domain.endpoint.ProbeAnswered;
import dev.sluice.domain.endpoint.ProbeUnreachable;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Marks an endpoint offline the moment a request cannot reach it, with the same backoff arithmetic as a failed
 * probe, so the next requests skip it at once and the health monitor brings it back when it answers again. An
 * endpoint that is never probed ({@code assume_healthy}) is also marked {@code config_error} when a request is
 * refused with 401/403.
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

    /**
     * A request was refused with 401/403: the endpoint's credential is wrong, so it becomes a {@code config_error},
     * with the same message and backoff as a refused probe. Used for endpoints that are never probed.
     */
    public void refused(Endpoint endpoint, int status) {
        Transition t = fleet.update(endpoint, before ->
                policy.next(before, ProbeAnswered.of(status, Duration.ZERO), endpoint, clock.instant()));
        if (t.statusChanged()) {
            LOG.warn("endpoint {} is config_error: a request was refused ({})", endpoint.name(),
                    t.after().lastError().orElse("HTTP " + status));
        }
    }

    public void unreachable(Endpoint endpoint, String reason) {
        Transition t = fleet.update(endpoint, before ->
                policy.next(before, new ProbeUnreachable(reason, Duration.ZERO), endpoint, clock.instant()));
        if (t.statusChanged()) {
            LOG.warn("endpoint {} is offline: a request could not reach it ({})", endpoint.name(), reason);
        }
    }
}
