package dev.sluice.application.proxy;

import dev.sluice.application.port.in.ReportTraffic;
import dev.sluice.domain.endpoint.Endpoint;
import dev.sluice.domain.endpoint.TrafficSnapshot;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Per-endpoint request figures: leases are taken on the hot path, snapshots read by status pages. */
public final class TrafficStats implements ReportTraffic {

    private final Map<String, EndpointTraffic> byEndpoint;

    public TrafficStats(List<Endpoint> endpoints) {
        this.byEndpoint = endpoints.stream().collect(Collectors.toUnmodifiableMap(Endpoint::id, e -> new EndpointTraffic(),
                (a, b) -> a));
    }

    /** Claims the endpoint for one attempt; the caller must release it exactly once. */
    ProxyAttempt attempt(Endpoint endpoint, java.util.Optional<String> modelOverride, EndpointGuards guards,
                         EndpointDemotion demotion, dev.sluice.application.limits.EndpointConcurrency concurrency) {
        return new ProxyAttempt(endpoint, modelOverride, traffic(endpoint), guards, demotion, concurrency);
    }

    /** How long a response-time figure keeps counting after its last sample. */
    static final long RESPONSE_TIME_MAX_AGE_NS = java.util.concurrent.TimeUnit.SECONDS.toNanos(60);

    /** The endpoint's recent response time in milliseconds; empty when it has none from the last minute. */
    public java.util.OptionalDouble recentResponseMillis(Endpoint endpoint) {
        return traffic(endpoint).recentResponseMillis(System.nanoTime(), RESPONSE_TIME_MAX_AGE_NS);
    }

    public long active(Endpoint endpoint) {
        return traffic(endpoint).active.get();
    }

    @Override
    public TrafficSnapshot of(Endpoint endpoint) {
        EndpointTraffic traffic = byEndpoint.get(endpoint.id());
        return traffic == null ? TrafficSnapshot.NONE : traffic.snapshot();
    }

    @Override
    public TrafficSnapshot total() {
        List<TrafficSnapshot> all = byEndpoint.values().stream().map(EndpointTraffic::snapshot).toList();
        long requests = all.stream().mapToLong(TrafficSnapshot::requests).sum();
        long weighted = all.stream().mapToLong(s -> s.avgLatencyMillis() * s.requests()).sum();
        return new TrafficSnapshot(all.stream().mapToLong(TrafficSnapshot::active).sum(), requests,
                all.stream().mapToLong(TrafficSnapshot::failures).sum(), all.stream().mapToLong(TrafficSnapshot::bytes).sum(),
                requests == 0 ? 0 : weighted / requests,
                all.stream().filter(s -> s.requests() > 0).mapToLong(TrafficSnapshot::minLatencyMillis).min().orElse(0),
                all.stream().mapToLong(TrafficSnapshot::maxLatencyMillis).max().orElse(0),
                0);
    }

    private EndpointTraffic traffic(Endpoint endpoint) {
        EndpointTraffic traffic = byEndpoint.get(endpoint.id());
        if (traffic == null) {
            throw new IllegalArgumentException("not in this fleet: " + endpoint.name());
        }
        return traffic;
    }
}
