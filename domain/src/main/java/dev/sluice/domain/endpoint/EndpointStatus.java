package dev.sluice.domain.endpoint;

import java.util.Locale;

/**
 * What the last health probe said about an endpoint. The wire names are Olla's, so status JSON and
 * dashboards written for Olla read ours unchanged.
 */
public enum EndpointStatus {
    UNKNOWN(false, 0.0),
    HEALTHY(true, 1.0),
    /** Answering, but slowly enough that it should get less traffic. */
    BUSY(true, 0.3),
    /** Loading a model; routable as a last resort. */
    WARMING(true, 0.1),
    OFFLINE(false, 0.0),
    UNHEALTHY(false, 0.0),
    /** 401/403 from the probe: the endpoint's credentials are wrong, so retrying harder will not help. */
    CONFIG_ERROR(false, 0.0),
    /** 429 from the probe: back off until the endpoint's Retry-After has passed. */
    RATE_LIMITED(false, 0.0);

    private final boolean routable;
    private final double weight;

    EndpointStatus(boolean routable, double weight) {
        this.routable = routable;
        this.weight = weight;
    }

    /** Whether a request may be sent to an endpoint in this state. */
    public boolean routable() {
        return routable;
    }

    /** Relative share of traffic a balancer gives an endpoint in this state among equals. */
    public double weight() {
        return weight;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
