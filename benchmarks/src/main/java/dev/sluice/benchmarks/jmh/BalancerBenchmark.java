package dev.sluice.benchmarks.jmh;

import dev.sluice.domain.balancing.Balancer;
import dev.sluice.domain.balancing.Candidate;
import dev.sluice.domain.balancing.LeastConnectionsBalancer;
import dev.sluice.domain.balancing.PriorityBalancer;
import dev.sluice.domain.balancing.RoundRobinBalancer;
import dev.sluice.domain.endpoint.Endpoint;
import dev.sluice.domain.endpoint.EndpointStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Endpoint selection: one {@code pick} over 1, 8 or 64 healthy candidates, for each balancer. Active-request counts
 * differ per candidate so least-connections has a real minimum to find.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class BalancerBenchmark {

    @Param({"priority", "round-robin", "least-connections"})
    public String balancer;

    @Param({"1", "8", "64"})
    public int candidates;

    private Balancer picker;
    private List<Candidate> list;

    @Setup
    public void setUp() {
        picker = switch (balancer) {
            case "priority" -> new PriorityBalancer(new SplittableRandom(42));
            case "round-robin" -> new RoundRobinBalancer();
            default -> new LeastConnectionsBalancer();
        };
        List<Candidate> built = new ArrayList<>();
        List<Endpoint> endpoints = Fleets.endpoints(candidates);
        for (int i = 0; i < endpoints.size(); i++) {
            built.add(new Candidate(endpoints.get(i), EndpointStatus.HEALTHY, (i * 7L) % 5));
        }
        list = List.copyOf(built);
    }

    @Benchmark
    public Optional<Endpoint> pick() {
        return picker.pick(list);
    }
}
