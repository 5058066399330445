package dev.sluice.domain.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.domain.TestFleet;
import dev.sluice.domain.endpoint.Endpoint;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Olla's routing table (reference section 4.4), row by row. */
class ModelRouterTest {

    private static final Endpoint A = TestFleet.endpoint("a").build();
    private static final Endpoint B = TestFleet.endpoint("b").build();
    private static final Endpoint OFFLINE = TestFleet.endpoint("offline").build();

    /**
     * situation: found (model on a candidate), elsewhere (only on a non-candidate), unknown (nowhere).
     * expected: routed, fallback, rejected-404, rejected-503, refresh.
     */
    @ParameterizedTest(name = "{0}/{1}/refresh={2}: {3} model -> {4} {5}")
    @CsvSource({
            "STRICT,     COMPATIBLE_ONLY, false, found,     routed,       model_found",
            "STRICT,     COMPATIBLE_ONLY, false, elsewhere, rejected-503, model_unavailable",
            "STRICT,     COMPATIBLE_ONLY, false, unknown,   rejected-404, model_not_found",
            "OPTIMISTIC, COMPATIBLE_ONLY, false, elsewhere, rejected-503, model_unavailable_compatible_only",
            "OPTIMISTIC, COMPATIBLE_ONLY, false, unknown,   rejected-404, model_not_found",
            "OPTIMISTIC, NONE,            false, elsewhere, rejected-503, model_unavailable_no_fallback",
            "OPTIMISTIC, ALL,             false, elsewhere, fallback,     all_healthy_fallback",
            "OPTIMISTIC, ALL,             false, unknown,   fallback,     model_not_found_fallback",
            "DISCOVERY,  COMPATIBLE_ONLY, false, found,     routed,       model_found_no_refresh",
            "DISCOVERY,  COMPATIBLE_ONLY, false, unknown,   rejected-503, model_unavailable_no_refresh",
            "DISCOVERY,  ALL,             true,  unknown,   refresh,      model_missing_refreshing",
    })
    void decidesAsOllaDocuments(RoutingStrategyType type, FallbackBehavior fallback, boolean refresh, String situation,
                                String expected, String reason) {
        ModelRouter router = new ModelRouter(new RoutingPolicy(type, fallback, refresh));
        Set<String> hosting = switch (situation) {
            case "found" -> Set.of(B.id());
            case "elsewhere" -> Set.of(OFFLINE.id());
            default -> Set.of();
        };
        RoutingDecision decision = router.decide(List.of(A, B), hosting, false);
        assertThat(decision.reason()).isEqualTo(reason);
        switch (expected) {
            case "routed" -> assertThat(decision).isInstanceOfSatisfying(Routed.class, r -> {
                assertThat(r.endpoints()).containsExactly(B);
                assertThat(r.outcome()).isEqualTo("routed");
            });
            case "fallback" -> assertThat(decision).isInstanceOfSatisfying(Routed.class, r -> {
                assertThat(r.endpoints()).containsExactly(A, B);
                assertThat(r.outcome()).isEqualTo("fallback");
            });
            case "rejected-404" -> assertThat(decision).isInstanceOfSatisfying(Rejected.class,
                    r -> assertThat(r.kind()).isEqualTo(RejectionKind.MODEL_NOT_FOUND));
            case "rejected-503" -> assertThat(decision).isInstanceOfSatisfying(Rejected.class,
                    r -> assertThat(r.kind()).isEqualTo(RejectionKind.MODEL_UNAVAILABLE));
            default -> assertThat(decision).isInstanceOf(RefreshFirst.class);
        }
    }

    @ParameterizedTest(name = "after refresh with {0}: {1}")
    @CsvSource({
            "ALL,             all_healthy_after_discovery",
            "COMPATIBLE_ONLY, model_unavailable_after_discovery",
    })
    void discoveryDecidesForGoodAfterRefreshing(FallbackBehavior fallback, String reason) {
        ModelRouter router = new ModelRouter(new RoutingPolicy(RoutingStrategyType.DISCOVERY, fallback, true));
        assertThat(router.decide(List.of(A), Set.of(), true).reason()).isEqualTo(reason);
        assertThat(router.decide(List.of(A), Set.of(A.id()), true).reason()).isEqualTo("model_found_after_discovery");
    }
}
