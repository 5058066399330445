package dev.sluice.domain.model;

import dev.sluice.domain.pattern.ModelFilter;
import dev.sluice.domain.pattern.Glob;
import static dev.sluice.domain.model.TestModels.RULES;
import static dev.sluice.domain.model.TestModels.SEEN;
import static dev.sluice.domain.model.TestModels.model;
import static dev.sluice.domain.model.TestModels.served;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.domain.TestFleet;
import dev.sluice.domain.endpoint.Endpoint;
import dev.sluice.domain.pattern.Glob;
import dev.sluice.domain.pattern.ModelFilter;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ModelUnifierTest {

    private static final String DIGEST_A = "sha256:a3f1c2d4e5f60718293a4b5c6d7e8f90112233445566778899aabbccddeeff00";
    private static final String DIGEST_B = "sha256:b4e2d3c5f6a70819304b5c6d7e8f9a0b112233445566778899aabbcc12345678";

    private final ModelUnifier unifier = new ModelUnifier(RULES);
    private final Endpoint ollama = TestFleet.endpoint("ollama-a").priority(100).build();
    private final Endpoint ollamaB = TestFleet.endpoint("ollama-b").priority(50).build();
    private final Endpoint lmStudio = TestFleet.endpoint("studio")
            .profile(TestFleet.profile("lm-studio", "lmstudio")).priority(10).build();

    private ModelCatalog unify(EndpointModels... perEndpoint) {
        return unifier.unify(List.of(perEndpoint), SEEN);
    }

    @Nested
    class Merging {

        @Test
        void sameDigestOnTwoEndpoints_isOneModelListingBothSources() {
            ModelCatalog catalog = unify(
                    served(ollama, model("llama3.2:3b").digest(DIGEST_A).build()),
                    // Other platforms write the bare hex, in upper case: still the same weights.
                    served(lmStudio, model("Llama-3.2-3B-Instruct").digest(DIGEST_A.substring(7).toUpperCase()).build()));

            assertThat(catalog.models()).singleElement().satisfies(m -> {
                assertThat(m.sources()).extracting(s -> s.endpoint().name(), ModelSource::nativeName)
                        .containsExactly(
                                org.assertj.core.groups.Tuple.tuple("ollama-a", "llama3.2:3b"),
                                org.assertj.core.groups.Tuple.tuple("studio", "Llama-3.2-3B-Instruct"));
                assertThat(m.nativeNameOn(lmStudio.id())).contains("Llama-3.2-3B-Instruct");
            });
        }

        @Test
        void sameNameInDifferentCase_isOneModel() {
            ModelCatalog catalog = unify(
                    served(ollama, model("Mistral:7B").build()),
                    served(ollamaB, model("mistral:7b").build()));

            assertThat(catalog.size()).isEqualTo(1);
            assertThat(catalog.models().get(0).sources()).hasSize(2);
        }

        @Test
        void sameNameWithoutDigestJoinsAModelThatHasOne() {
            ModelCatalog catalog = unify(
                    served(ollama, model("mistral:7b").digest(DIGEST_A).build()),
                    served(lmStudio, model("mistral:7b").build()));

            assertThat(catalog.size()).isEqualTo(1);
        }

        @Test
        void sameNameWithDifferentDigests_staysSeparate_theLaterSuffixedWithItsDigestTail() {
            ModelCatalog catalog = unify(
                    served(ollama, model("llama3.2:3b").digest(DIGEST_A).build()),
                    served(ollamaB, model("llama3.2:3b").digest(DIGEST_B).build()));

            assertThat(catalog.models()).extracting(UnifiedModel::id)
                    .containsExactly("llama3.2:3b", "llama3.2:3b-12345678");
            assertThat(catalog.find("llama3.2:3b-12345678")).get()
                    .extracting(m -> m.sources().get(0).endpoint().name()).isEqualTo("ollama-b");
        }

        @Test
        void oneEndpointListingAModelTwiceIsOneSource() {
            ModelCatalog catalog = unify(served(ollama,
                    model("llama3.2:3b").digest(DIGEST_A).build(),
                    model("llama3.2:latest").digest(DIGEST_A).build()));

            UnifiedModel only = catalog.models().get(0);
            assertThat(catalog.size()).isEqualTo(1);
            assertThat(only.sources()).hasSize(1);
            assertThat(only.aliases()).extracting(ModelAlias::name).containsExactly("llama3.2:3b", "llama3.2:latest");
        }

        @Test
        void differentModelsStayApart() {
            ModelCatalog catalog = unify(served(ollama, model("llama3.2:3b").build(), model("mistral:7b").build()));

            assertThat(catalog.models()).extracting(UnifiedModel::id).containsExactly("llama3.2:3b", "mistral:7b");
        }
    }

    @Nested
    class Filtering {

        @Test
        void modelFilterDropsExcludedModelsOfThatEndpointOnly() {
            Endpoint noEmbeddings = TestFleet.endpoint("chat-only")
                    .modelFilter(new ModelFilter(List.of(), List.of(new Glob("*embed*")))).build();

            ModelCatalog catalog = unify(
                    served(noEmbeddings, model("llama3.2:3b").build(), model("nomic-embed-text").build()),
                    served(ollamaB, model("mxbai-embed-large").build()));

            assertThat(catalog.models()).extracting(UnifiedModel::id)
                    .containsExactly("llama3.2:3b", "mxbai-embed-large");
        }

        @Test
        void modelFilterIncludeKeepsOnlyListedModels() {
            Endpoint onlyQwen = TestFleet.endpoint("qwen-box")
                    .modelFilter(new ModelFilter(List.of(new Glob("qwen*")), List.of())).build();

            ModelCatalog catalog = unify(served(onlyQwen, model("llama3.2:3b").build(), model("qwen2.5:7b").build()));

            assertThat(catalog.models()).extracting(UnifiedModel::id).containsExactly("qwen2.5:7b");
        }
    }

    @Nested
    class AliasesAndIds {

        @Test
        void aliasesRecordThePlatformEachNameIsUsedOn() {
            ModelCatalog catalog = unify(
                    served(ollama, model("llama3.2:3b").digest(DIGEST_A).build()),
                    served(lmStudio, model("llama-3.2-3b-instruct").digest(DIGEST_A).build()));

            assertThat(catalog.models().get(0).aliases()).containsExactly(
                    new ModelAlias("llama3.2:3b", "ollama"),
                    new ModelAlias("llama-3.2-3b-instruct", "lm-studio"));
        }

        @Test
        void higherPriorityEndpointsNameBecomesTheId_whateverTheInputOrder() {
            ModelCatalog catalog = unify(
                    served(lmStudio, model("llama-3.2-3b-instruct").digest(DIGEST_A).build()),
                    served(ollama, model("llama3.2:3b").digest(DIGEST_A).build()));

            UnifiedModel merged = catalog.models().get(0);
            assertThat(merged.id()).isEqualTo("llama3.2:3b");
            assertThat(merged.sources()).extracting(s -> s.endpoint().name()).containsExactly("ollama-a", "studio");
        }

        @Test
        void equalPrioritiesAreOrderedByEndpointName_soIdsDoNotFlipBetweenRebuilds() {
            Endpoint zeta = TestFleet.endpoint("zeta").priority(5).build();
            Endpoint alpha = TestFleet.endpoint("alpha").priority(5).build();

            ModelCatalog catalog = unify(
                    served(zeta, model("Qwen2.5:7B").digest(DIGEST_B).build()),
                    served(alpha, model("qwen2.5:7b").digest(DIGEST_B).build()));

            assertThat(catalog.models().get(0).id()).isEqualTo("qwen2.5:7b");
        }

        @Test
        void metadataComesFromTheHighestPriorityEndpointThatReportsIt() {
            ModelCatalog catalog = unify(
                    served(lmStudio, model("m").digest(DIGEST_A).parameterSize("9B").sizeBytes(111).build()),
                    served(ollamaB, model("m").digest(DIGEST_A).sizeBytes(222).build()),
                    served(ollama, model("m").digest(DIGEST_A).parameterSize("8B").build()));

            UnifiedModel merged = catalog.models().get(0);
            assertThat(merged.parameterSize()).isEqualTo("8B");
            assertThat(merged.diskSize()).isEqualTo(222);
            assertThat(merged.digest()).isEqualTo(DIGEST_A);
        }

        @Test
        void sourcesKeepEachEndpointsStateAndSize() {
            ModelCatalog catalog = unify(
                    served(ollama, model("m").state(ModelState.LOADED).sizeBytes(10).build()),
                    served(ollamaB, model("m").state(ModelState.NOT_LOADED).sizeBytes(20).build()));

            assertThat(catalog.models().get(0).sources())
                    .extracting(ModelSource::state, ModelSource::diskSize, ModelSource::lastSeen)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(ModelState.LOADED, 10L, SEEN),
                            org.assertj.core.groups.Tuple.tuple(ModelState.NOT_LOADED, 20L, SEEN));
        }

        @Test
        void lastSeenIsTheLatestDiscoveryOfAnySource() {
            Instant later = SEEN.plusSeconds(60);
            ModelCatalog catalog = unifier.unify(List.of(
                    served(ollama, model("m").build()),
                    new EndpointModels(ollamaB, List.of(model("m").build()), later)), SEEN);

            assertThat(catalog.models().get(0).lastSeen()).isEqualTo(later);
        }

        @Test
        void catalogueIsStampedWithTheBuildTime() {
            Instant builtAt = SEEN.plusSeconds(5);

            assertThat(unifier.unify(List.of(), builtAt).builtAt()).isEqualTo(builtAt);
        }
    }
}
