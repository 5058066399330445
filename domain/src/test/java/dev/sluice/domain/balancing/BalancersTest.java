package dev.sluice.domain.balancing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.domain.TestFleet;
import dev.sluice.domain.endpoint.Endpoint;
import dev.sluice.domain.endpoint.EndpointStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class BalancersTest {

    private static Candidate candidate(String name, int priority, EndpointStatus status, long active) {
        Endpoint e = TestFleet.endpoint(name).priority(priority).build();
        return new Candidate(e, status, active);
    }

    private static Map<String, Integer> spread(Balancer balancer, List<Candidate> candidates, int picks) {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < picks; i++) {
            counts.merge(balancer.pick(candidates).orElseThrow().name(), 1, Integer::sum);
        }
        return counts;
    }

    @Test
    void noRoutableCandidateMeansNoPick() {
        List<Candidate> down = List.of(candidate("a", 100, EndpointStatus.OFFLINE, 0),
                candidate("b", 100, EndpointStatus.UNHEALTHY, 0));
        assertThat(new PriorityBalancer(new SplittableRandom(1)).pick(down)).isEmpty();
        assertThat(new RoundRobinBalancer().pick(down)).isEmpty();
        assertThat(new LeastConnectionsBalancer().pick(down)).isEmpty();
        assertThat(new RoundRobinBalancer().pick(List.of())).isEmpty();
    }

    @Nested
    class Priority {

        @Test
        void usesOnlyTheHighestRoutableTier() {
            List<Candidate> candidates = List.of(candidate("high", 100, EndpointStatus.HEALTHY, 5),
                    candidate("low", 10, EndpointStatus.HEALTHY, 0),
                    candidate("higher-but-down", 200, EndpointStatus.OFFLINE, 0));
            assertThat(spread(new PriorityBalancer(new SplittableRandom(7)), candidates, 50)).containsOnlyKeys("high");
        }

        @Test
        void spreadsAcrossEqualsWeightedByState() {
            List<Candidate> candidates = List.of(candidate("healthy", 100, EndpointStatus.HEALTHY, 0),
                    candidate("busy", 100, EndpointStatus.BUSY, 0));
            Map<String, Integer> counts = spread(new PriorityBalancer(new SplittableRandom(42)), candidates, 2000);
            assertThat(counts.get("healthy")).isBetween(1400, 1700);
            assertThat(counts.get("busy")).isBetween(300, 600);
        }
    }

    @Nested
    class RoundRobin {

        @Test
        void cyclesInAStableOrderWhateverTheListOrder() {
            RoundRobinBalancer balancer = new RoundRobinBalancer();
            Candidate a = candidate("a", 1, EndpointStatus.HEALTHY, 0);
            Candidate b = candidate("b", 100, EndpointStatus.HEALTHY, 0);
            Candidate c = candidate("c", 50, EndpointStatus.HEALTHY, 0);
            assertThat(balancer.pick(List.of(c, a, b)).orElseThrow().name()).isEqualTo("a");
            assertThat(balancer.pick(List.of(b, c, a)).orElseThrow().name()).isEqualTo("b");
            assertThat(balancer.pick(List.of(a, b, c)).orElseThrow().name()).isEqualTo("c");
            assertThat(balancer.pick(List.of(a, b, c)).orElseThrow().name()).isEqualTo("a");
        }

        @Test
        void skipsUnroutableCandidates() {
            List<Candidate> candidates = List.of(candidate("a", 1, EndpointStatus.HEALTHY, 0),
                    candidate("b", 1, EndpointStatus.OFFLINE, 0));
            assertThat(spread(new RoundRobinBalancer(), candidates, 10)).containsOnly(Map.entry("a", 10));
        }
    }

    @Nested
    class LeastConnections {

        @Test
        void picksTheFewestActiveRequests() {
            List<Candidate> candidates = List.of(candidate("busy", 100, EndpointStatus.HEALTHY, 7),
                    candidate("idle", 100, EndpointStatus.HEALTHY, 1));
            assertThat(new LeastConnectionsBalancer().pick(candidates).orElseThrow().name()).isEqualTo("idle");
        }

        @Test
        void tiesGoToHigherPriorityThenRotate() {
            List<Candidate> candidates = List.of(candidate("low", 10, EndpointStatus.HEALTHY, 0),
                    candidate("high-1", 100, EndpointStatus.HEALTHY, 0),
                    candidate("high-2", 100, EndpointStatus.HEALTHY, 0));
            assertThat(spread(new LeastConnectionsBalancer(), candidates, 10))
                    .containsOnly(Map.entry("high-1", 5), Map.entry("high-2", 5));
        }
    }

    @Nested
    class FastestResponse {

        private Candidate timed(String name, int priority, double millis) {
            Endpoint e = TestFleet.endpoint(name).priority(priority).build();
            return new Candidate(e, EndpointStatus.HEALTHY, 0, java.util.OptionalDouble.of(millis));
        }

        @Test
        void picksTheFastestOfTheTopPriority() {
            List<Candidate> candidates = List.of(timed("slow", 100, 900), timed("fast", 100, 120),
                    timed("fastest-but-lower", 50, 10));
            assertThat(spread(new FastestResponseBalancer(), candidates, 20)).containsOnlyKeys("fast");
        }

        @Test
        void triesAnEndpointWithoutAFigureBeforeTrustingTheOthers() {
            List<Candidate> candidates = List.of(timed("known", 100, 5),
                    candidate("new", 100, EndpointStatus.HEALTHY, 0));
            assertThat(new FastestResponseBalancer().pick(candidates)).map(Endpoint::name).contains("new");
        }

        @Test
        void nearTiesShareTheLoad() {
            List<Candidate> candidates = List.of(timed("a", 100, 100), timed("b", 100, 104), timed("c", 100, 300));
            assertThat(spread(new FastestResponseBalancer(), candidates, 100)).containsOnlyKeys("a", "b")
                    .containsEntry("a", 50).containsEntry("b", 50);
        }

        @Test
        void aDecayingAverageFollowsASlowdownAndFadesWithTime() {
            DecayingAverage avg = DecayingAverage.first(100, 0);
            for (int i = 0; i < 10; i++) {
                avg = avg.with(1000, i);
            }
            assertThat(avg.millis()).isBetween(900.0, 1000.0);
            assertThat(avg.freshAt(59_000_000_000L, 60_000_000_000L)).isTrue();
            assertThat(avg.freshAt(61_000_000_000L, 60_000_000_000L)).isFalse();
            assertThat(DecayingAverage.first(100, 0).with(1000, 1).millis()).isEqualTo(370.0);
        }
    }

    @Nested
    class CostOptimized {

        private final Map<String, Double> prices = Map.of("openai", 2.5, "groq", 0.6, "local-a", 0.0, "local-b", 0.0);
        private final CostOptimizedBalancer balancer = new CostOptimizedBalancer(e -> prices.getOrDefault(e.name(), 0.0));

        @Test
        void localFirstThenTheCheapestPaidApi() {
            List<Candidate> all = List.of(candidate("openai", 100, EndpointStatus.HEALTHY, 0),
                    candidate("groq", 100, EndpointStatus.HEALTHY, 0),
                    candidate("local-a", 10, EndpointStatus.HEALTHY, 3));
            assertThat(spread(balancer, all, 10)).containsOnlyKeys("local-a");
            List<Candidate> localDown = List.of(candidate("openai", 100, EndpointStatus.HEALTHY, 0),
                    candidate("groq", 100, EndpointStatus.HEALTHY, 7),
                    candidate("local-a", 10, EndpointStatus.OFFLINE, 0));
            assertThat(spread(balancer, localDown, 10)).containsOnlyKeys("groq");
        }

        @Test
        void equalCostGoesToTheLeastBusyAndIdleEqualsShare() {
            List<Candidate> busy = List.of(candidate("local-a", 100, EndpointStatus.HEALTHY, 4),
                    candidate("local-b", 100, EndpointStatus.HEALTHY, 1));
            assertThat(spread(balancer, busy, 10)).containsOnlyKeys("local-b");
            List<Candidate> idle = List.of(candidate("local-a", 100, EndpointStatus.HEALTHY, 0),
                    candidate("local-b", 100, EndpointStatus.HEALTHY, 0));
            assertThat(spread(balancer, idle, 10)).containsEntry("local-a", 5).containsEntry("local-b", 5);
        }
    }
}
