package dev.sluice.domain.balancing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.domain.TestFleet;
import dev.sluice.domain.endpoint.Endpoint;
import dev.sluice.domain.endpoint.EndpointStatus;
import java.util.List;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PreferenceBalancerTest {

    private static Candidate ranked(String name, int priority, EndpointStatus status, int rank) {
        Endpoint e = TestFleet.endpoint(name).priority(priority).build();
        return new Candidate(e, status, 0, OptionalDouble.empty(), rank);
    }

    @Test
    void onlyTheBestRankedCandidatesReachTheTieBreakerWhateverTheirPriority() {
        PreferenceBalancer balancer = new PreferenceBalancer("model-based", new PriorityBalancer(new SplittableRandom(1)));
        List<Candidate> candidates = List.of(ranked("anthropic", 10, EndpointStatus.HEALTHY, 0),
                ranked("litellm", 200, EndpointStatus.HEALTHY, 1));
        for (int i = 0; i < 20; i++) {
            assertThat(balancer.pick(candidates).orElseThrow().name()).isEqualTo("anthropic");
        }
    }

    @Test
    void aLowerRankServesWhenNoBetterOneIsRoutable() {
        PreferenceBalancer balancer = new PreferenceBalancer("capability-based", new LeastConnectionsBalancer());
        List<Candidate> candidates = List.of(ranked("capable", 100, EndpointStatus.OFFLINE, 0),
                ranked("unknown", 100, EndpointStatus.HEALTHY, 1));
        assertThat(balancer.pick(candidates).orElseThrow().name()).isEqualTo("unknown");
        assertThat(balancer.pick(List.of(ranked("down", 100, EndpointStatus.OFFLINE, 0)))).isEmpty();
    }

    @Test
    void equalsShareTheLoadAsTheTieBreakerWould() {
        PreferenceBalancer balancer = new PreferenceBalancer("model-based", new RoundRobinBalancer());
        List<Candidate> candidates = List.of(ranked("a", 100, EndpointStatus.HEALTHY, 0),
                ranked("b", 100, EndpointStatus.HEALTHY, 0), ranked("c", 100, EndpointStatus.HEALTHY, 2));
        assertThat(List.of(balancer.pick(candidates).orElseThrow().name(), balancer.pick(candidates).orElseThrow().name(),
                balancer.pick(candidates).orElseThrow().name())).containsExactly("a", "b", "a");
        assertThat(balancer.name()).isEqualTo("model-based");
    }
}
