package dev.sluice.domain.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.domain.balancing.ModelAbilities;
import dev.sluice.domain.balancing.RequestNeeds;
import dev.sluice.domain.balancing.RequestNeeds.Operation;
import dev.sluice.domain.endpoint.Endpoint;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ProviderRoutingTest {

    private static final Endpoint ANTHROPIC = RoutingTestEndpoints.hosted("anthropic", "anthropic", "claude-3*");
    private static final Endpoint LITELLM = RoutingTestEndpoints.local("litellm", "litellm");
    private static final Endpoint OLLAMA = RoutingTestEndpoints.local("ollama", "ollama");
    private static final List<Endpoint> ALL = List.of(ANTHROPIC, LITELLM, OLLAMA);
    private static final RequestNeeds CHAT = new RequestNeeds(Operation.GENERATE, false, false, 10);
    private static final RequestNeeds TOOLS = new RequestNeeds(Operation.GENERATE, true, false, 10);

    private static final ProviderRouting MODEL_BASED = new ProviderRouting(ModelPatterns.DEFAULTS, false, false);
    private static final ProviderRouting CAPABILITY_BASED = new ProviderRouting(ModelPatterns.DEFAULTS, true, false);

    private static Function<Endpoint, ModelAbilities> fromProfiles(String model) {
        return e -> ModelAbilities.on(e, model, Optional.empty());
    }

    @Nested
    class ModelBased {

        @Test
        void aModelNoCatalogueListsGoesWhereItsNameBelongs() {
            RoutingDecision notFound = new Rejected(RejectionKind.MODEL_NOT_FOUND, "strict", "model_not_found");
            ShapedDecision shaped = MODEL_BASED.shape(notFound, ALL, Set.of(), "claude-3-5-haiku-latest", CHAT,
                    fromProfiles("claude-3-5-haiku-latest"));
            assertThat(shaped.decision()).isInstanceOfSatisfying(Routed.class, r -> {
                assertThat(r.endpoints()).containsExactly(ANTHROPIC);
                assertThat(r.reason()).isEqualTo("model_pattern");
                assertThat(r.strategy()).isEqualTo("strict");
                assertThat(r.fallback()).isFalse();
            });
        }

        @Test
        void localNamesGoToOllamaFirstThenOtherLocalServers() {
            RoutingDecision fallback = new Routed(ALL, "optimistic", "model_not_found_fallback", true);
            ShapedDecision shaped = MODEL_BASED.shape(fallback, ALL, Set.of(), "my-finetune:latest", CHAT,
                    fromProfiles("my-finetune:latest"));
            assertThat(shaped.decision()).isInstanceOfSatisfying(Routed.class,
                    r -> assertThat(r.endpoints()).containsExactly(LITELLM, OLLAMA));
            assertThat(shaped.rankOf(OLLAMA.id())).isZero();
            assertThat(shaped.rankOf(LITELLM.id())).isEqualTo(1);
        }

        @Test
        void amongEndpointsThatServeTheModelThePatternsProviderRanksFirstAndTheRestStay() {
            RoutingDecision found = new Routed(List.of(LITELLM, ANTHROPIC), "strict", "model_found", false);
            ShapedDecision shaped = MODEL_BASED.shape(found, ALL, Set.of(LITELLM.id(), ANTHROPIC.id()),
                    "claude-3-5-sonnet-latest", CHAT, fromProfiles("claude-3-5-sonnet-latest"));
            assertThat(shaped.decision()).isEqualTo(found);
            assertThat(shaped.rankOf(ANTHROPIC.id())).isZero();
            assertThat(shaped.rankOf(LITELLM.id())).isEqualTo(1);
        }

        @Test
        void withNoEndpointOfThePatternsProviderTheModelRoutersAnswerStands() {
            RoutingDecision notFound = new Rejected(RejectionKind.MODEL_NOT_FOUND, "strict", "model_not_found");
            ShapedDecision shaped = MODEL_BASED.shape(notFound, List.of(LITELLM, OLLAMA), Set.of(), "gpt-4o", CHAT,
                    fromProfiles("gpt-4o"));
            assertThat(shaped.decision()).isEqualTo(notFound);
        }

        @Test
        void aRefreshIsLeftToHappenFirst() {
            RoutingDecision refresh = new RefreshFirst("discovery", "model_missing_refreshing");
            assertThat(MODEL_BASED.shape(refresh, ALL, Set.of(), "claude-3-opus", CHAT, fromProfiles("claude-3-opus"))
                    .decision()).isEqualTo(refresh);
        }

        @Test
        void doesNotReadTheRequestsNeeds() {
            assertThat(MODEL_BASED.checksCapabilities()).isFalse();
            RoutingDecision found = new Routed(List.of(ANTHROPIC), "strict", "model_found", false);
            assertThat(MODEL_BASED.shape(found, ALL, Set.of(ANTHROPIC.id()), "claude-2.1", TOOLS,
                    fromProfiles("claude-2.1")).decision()).isEqualTo(found);
        }
    }

    @Nested
    class CapabilityBased {

        private final Endpoint openAi = RoutingTestEndpoints.hosted("openai", "openai-api", "gpt-4*", "o1");
        private final Endpoint gateway = RoutingTestEndpoints.hosted("gateway", "openai-compatible");

        @Test
        void anEndpointWhoseModelLacksToolsIsSkippedForARequestWithTools() {
            RoutingDecision found = new Routed(List.of(openAi, gateway), "strict", "model_found", false);
            ShapedDecision shaped = CAPABILITY_BASED.shape(found, List.of(openAi, gateway),
                    Set.of(openAi.id(), gateway.id()), "o1-mini", TOOLS, fromProfiles("o1-mini"));
            assertThat(shaped.decision()).isInstanceOfSatisfying(Routed.class,
                    r -> assertThat(r.endpoints()).containsExactly(gateway));
        }

        @Test
        void endpointsKnownToHaveWhatTheRequestNeedsRankBeforeThoseNobodyKnows() {
            RoutingDecision found = new Routed(List.of(gateway, openAi), "strict", "model_found", false);
            ShapedDecision shaped = CAPABILITY_BASED.shape(found, List.of(openAi, gateway),
                    Set.of(openAi.id(), gateway.id()), "gpt-4o", TOOLS, fromProfiles("gpt-4o"));
            assertThat(shaped.rankOf(openAi.id())).isLessThan(shaped.rankOf(gateway.id()));
        }

        @Test
        void whenEveryEndpointLacksItTheRequestIsRefusedNamingWhat() {
            RoutingDecision found = new Routed(List.of(openAi), "strict", "model_found", false);
            ShapedDecision shaped = CAPABILITY_BASED.shape(found, List.of(openAi), Set.of(openAi.id()), "o1-mini",
                    TOOLS, fromProfiles("o1-mini"));
            assertThat(shaped.decision()).isInstanceOfSatisfying(Rejected.class, r -> {
                assertThat(r.kind()).isEqualTo(RejectionKind.UNFIT);
                assertThat(r.reason()).isEqualTo("capability_mismatch");
                assertThat(r.detail()).contains("tool calling");
            });
        }

        @Test
        void aPromptTooLargeForEveryWindowIsRefusedWithTheSizes() {
            RoutingDecision found = new Routed(List.of(OLLAMA), "strict", "model_found", false);
            RequestNeeds huge = new RequestNeeds(Operation.GENERATE, false, false, 40_000);
            ShapedDecision shaped = CAPABILITY_BASED.shape(found, List.of(OLLAMA), Set.of(OLLAMA.id()), "llama3:8b",
                    huge, e -> new ModelAbilities(Set.of("chat"), "llm", 8192, Set.of()));
            assertThat(shaped.decision()).isInstanceOfSatisfying(Rejected.class,
                    r -> assertThat(r.detail()).contains("40000").contains("8192"));
        }

        @Test
        void forwardSendsAnUnfitRequestOnForTheBackendToJudge() {
            ProviderRouting forward = new ProviderRouting(ModelPatterns.DEFAULTS, true, true);
            RoutingDecision found = new Routed(List.of(openAi), "strict", "model_found", false);
            assertThat(forward.shape(found, List.of(openAi), Set.of(openAi.id()), "o1-mini", TOOLS,
                    fromProfiles("o1-mini")).decision()).isEqualTo(found);
        }

        @Test
        void unknownModelsStillFollowTheirPattern() {
            RoutingDecision notFound = new Rejected(RejectionKind.MODEL_NOT_FOUND, "strict", "model_not_found");
            ShapedDecision shaped = CAPABILITY_BASED.shape(notFound, ALL, Set.of(), "claude-3-haiku-20240307", TOOLS,
                    fromProfiles("claude-3-haiku-20240307"));
            assertThat(shaped.decision()).isInstanceOfSatisfying(Routed.class,
                    r -> assertThat(r.endpoints()).containsExactly(ANTHROPIC));
            assertThat(shaped.ranks()).isEqualTo(Map.of(ANTHROPIC.id(), 0));
        }
    }
}
