package dev.sluice.domain.balancing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.domain.TestFleet;
import dev.sluice.domain.balancing.RequestNeeds.Operation;
import dev.sluice.domain.endpoint.Endpoint;
import dev.sluice.domain.model.ModelSource;
import dev.sluice.domain.model.ModelState;
import dev.sluice.domain.model.UnifiedModel;
import dev.sluice.domain.pattern.Glob;
import dev.sluice.domain.profile.ContextPattern;
import dev.sluice.domain.profile.Profile;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ModelAbilitiesTest {

    private static final RequestNeeds CHAT = new RequestNeeds(Operation.GENERATE, false, false, 10);
    private static final RequestNeeds TOOLS = new RequestNeeds(Operation.GENERATE, true, false, 10);
    private static final RequestNeeds IMAGES = new RequestNeeds(Operation.GENERATE, false, true, 10);
    private static final RequestNeeds EMBED = new RequestNeeds(Operation.EMBED, false, false, 10);

    private static ModelAbilities abilities(Set<String> capabilities, String type, long context, Set<String> declared) {
        return new ModelAbilities(capabilities, type, context, declared);
    }

    @Nested
    class Tools {

        @Test
        void aModelThePlatformSaysHasNoToolsIsUnfit() {
            ModelAbilities o1Mini = abilities(Set.of("chat"), "llm", 128_000, Set.of("chat", "tools"));
            assertThat(o1Mini.lacks(TOOLS)).containsExactly("tools");
            assertThat(o1Mini.fit(TOOLS)).isEqualTo(Fit.UNFIT);
            assertThat(o1Mini.fit(CHAT)).isEqualTo(Fit.CAPABLE);
        }

        @Test
        void silenceFromAPlatformThatDoesNotTagToolsIsUnknownNotUnfit() {
            ModelAbilities fineTune = abilities(Set.of("chat"), "llm", 0, Set.of("vision", "embeddings"));
            assertThat(fineTune.lacks(TOOLS)).isEmpty();
            assertThat(fineTune.fit(TOOLS)).isEqualTo(Fit.UNKNOWN);
        }

        @Test
        void aModelTaggedWithToolsIsCapable() {
            ModelAbilities claude = abilities(Set.of("chat", "tools"), "llm", 200_000, Set.of("tools"));
            assertThat(claude.fit(TOOLS)).isEqualTo(Fit.CAPABLE);
        }
    }

    @Test
    void imagesNeedVisionWhereThePlatformTagsIt() {
        ModelAbilities text = abilities(Set.of("chat"), "llm", 8192, Set.of("vision"));
        ModelAbilities llava = abilities(Set.of("chat", "vision"), "vlm", 8192, Set.of("vision"));
        assertThat(text.lacks(IMAGES)).containsExactly("vision");
        assertThat(llava.fit(IMAGES)).isEqualTo(Fit.CAPABLE);
    }

    @Test
    void aPromptLargerThanTheKnownWindowIsUnfitAndAnUnknownWindowIsOnlyUnknown() {
        RequestNeeds big = new RequestNeeds(Operation.GENERATE, false, false, 50_000);
        assertThat(abilities(Set.of(), "llm", 32_768, Set.of()).lacks(big)).containsExactly("context");
        assertThat(abilities(Set.of(), "llm", 131_072, Set.of()).fit(big)).isEqualTo(Fit.CAPABLE);
        assertThat(abilities(Set.of(), "llm", 0, Set.of()).fit(big)).isEqualTo(Fit.UNKNOWN);
        // A short prompt fits any window, known or not.
        assertThat(abilities(Set.of(), "llm", 0, Set.of()).fit(CHAT)).isEqualTo(Fit.CAPABLE);
    }

    @Test
    void embeddingsModelsDoNotChatAndChatModelsDoNotEmbedWhereThePlatformTagsEmbeddings() {
        ModelAbilities embedder = abilities(Set.of("embeddings"), "embeddings", 8192, Set.of("embeddings"));
        ModelAbilities chat = abilities(Set.of("chat"), "llm", 8192, Set.of("embeddings"));
        assertThat(embedder.lacks(CHAT)).containsExactly("generation");
        assertThat(embedder.fit(EMBED)).isEqualTo(Fit.CAPABLE);
        assertThat(chat.lacks(EMBED)).containsExactly("embeddings");
    }

    @Test
    void requestsThatDoNotGenerateNeedNothing() {
        RequestNeeds show = new RequestNeeds(Operation.OTHER, true, true, 1_000_000);
        assertThat(abilities(Set.of(), "embeddings", 10, Set.of("tools", "vision")).fit(show)).isEqualTo(Fit.CAPABLE);
    }

    @Nested
    class FromTheCatalogue {

        private final Endpoint small = TestFleet.endpoint("small").build();
        private final Endpoint large = TestFleet.endpoint("large").build();

        @Test
        void eachEndpointKeepsItsOwnContextWindow() {
            UnifiedModel model = new UnifiedModel("qwen2.5:7b", "qwen", "2.5", "7B", 7_000_000_000L, "q4km", "gguf",
                    "llm", "alibaba", "", 0, 32_768, List.of("chat"), List.of(),
                    List.of(new ModelSource(small, "qwen2.5:7b", ModelState.AVAILABLE, 0, Instant.EPOCH, 8_192),
                            new ModelSource(large, "qwen2.5:7b", ModelState.AVAILABLE, 0, Instant.EPOCH, 32_768)),
                    Instant.EPOCH);
            assertThat(ModelAbilities.on(small, "qwen2.5:7b", Optional.of(model)).contextLength()).isEqualTo(8_192);
            assertThat(ModelAbilities.on(large, "qwen2.5:7b", Optional.of(model)).contextLength()).isEqualTo(32_768);
        }

        @Test
        void aModelNoCatalogueListsIsReadFromTheProfilesPatterns() {
            Profile local = TestFleet.profile("anthropic", List.of(),
                    Map.of("tools", List.of(new Glob("claude-3*")), "vision", List.of(new Glob("claude-3*"))),
                    List.of(new ContextPattern(new Glob("claude-*"), 200_000)));
            Profile complete = new Profile(local.name(), local.displayName(), local.description(), local.prefixes(),
                    true, local.paths(), local.modelDiscoveryPath(), local.healthCheckPath(), local.anthropicSupport(),
                    local.characteristics(), local.capabilityPatterns(), local.contextPatterns(),
                    local.modelFieldPaths(), local.responseFormat(), local.metricsExtraction(), local.provider(),
                    Set.of("tools", "vision"));
            Endpoint anthropic = TestFleet.endpoint("anthropic").profile(complete).build();
            ModelAbilities claude = ModelAbilities.on(anthropic, "claude-3-5-haiku-latest", Optional.empty());
            assertThat(claude.capabilities()).containsExactlyInAnyOrder("tools", "vision");
            assertThat(claude.contextLength()).isEqualTo(200_000);
            assertThat(ModelAbilities.on(anthropic, "claude-2.1", Optional.empty()).lacks(TOOLS)).containsExactly("tools");
        }

        @Test
        void patternsAProfileDoesNotCallCompleteOnlyTag() {
            Endpoint ollama = TestFleet.endpoint("ollama").profile(TestFleet.profile("ollama", List.of(),
                    Map.of("vision", List.of(new Glob("*llava*"))), List.of())).build();
            ModelAbilities gemma = ModelAbilities.on(ollama, "gemma3:4b", Optional.empty());
            assertThat(gemma.lacks(IMAGES)).isEmpty();
            assertThat(gemma.fit(IMAGES)).isEqualTo(Fit.UNKNOWN);
            assertThat(ModelAbilities.on(ollama, "llava:7b", Optional.empty()).fit(IMAGES)).isEqualTo(Fit.CAPABLE);
        }
    }
}
