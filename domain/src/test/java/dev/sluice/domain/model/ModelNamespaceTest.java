package dev.sluice.domain.model;

import static dev.sluice.domain.model.TestModels.RULES;
import static dev.sluice.domain.model.TestModels.SEEN;
import static dev.sluice.domain.model.TestModels.model;
import static dev.sluice.domain.model.TestModels.served;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.domain.TestFleet;
import dev.sluice.domain.endpoint.Endpoint;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ModelNamespaceTest {

    private final Endpoint openai = TestFleet.endpoint("openai").profile(TestFleet.profile("openai-api")).build();
    private final Endpoint azure = TestFleet.endpoint("azure").profile(TestFleet.profile("azure-openai", "azure")).build();
    private final Endpoint openrouter = TestFleet.endpoint("openrouter").profile(TestFleet.profile("openrouter")).build();
    private final Endpoint vllm = TestFleet.endpoint("gpu-box").profile(TestFleet.profile("vllm", "vllm")).build();
    private final List<Endpoint> all = List.of(openai, azure, openrouter, vllm);

    private final ModelCatalog catalog = new ModelUnifier(RULES).unify(List.of(
            served(openai, model("gpt-4o").build(), model("GPT-4o-mini").build()),
            served(azure, model("gpt-4o").build()),
            served(openrouter, model("openai/gpt-4o").build(), model("meta-llama/llama-3-8b").build(),
                    model("openai/o3-pro").build()),
            served(vllm, model("Qwen/Qwen2.5-7B").build())), SEEN);

    @Nested
    class Split {

        @Test
        void splitsAtTheFirstSlashOnly() {
            assertThat(ModelNamespace.split("openrouter/openai/gpt-4o"))
                    .contains(new ModelNamespace("openrouter", "openai/gpt-4o"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"gpt-4o", "/gpt-4o", "openai/", " /x"})
        void aNameWithoutTwoNonBlankSidesIsNotNamespaced(String name) {
            assertThat(ModelNamespace.split(name)).isEmpty();
        }
    }

    @Nested
    class Resolve {

        @Test
        void anEndpointNamePinsTheModelToThatEndpointWithTheBareName() {
            ModelNamespace.Pin pin = ModelNamespace.resolve("azure/gpt-4o", catalog, all).orElseThrow();
            assertThat(pin.endpointIds()).containsExactly(azure.id());
            assertThat(pin.nativeNames()).containsEntry(azure.id(), "gpt-4o");
        }

        @Test
        void theNamespaceIsMatchedIgnoringCase_andTheEndpointsOwnSpellingIsSent() {
            ModelNamespace.Pin pin = ModelNamespace.resolve("OpenAI/gpt-4o-mini", catalog, all).orElseThrow();
            assertThat(pin.nativeNames()).containsEntry(openai.id(), "GPT-4o-mini");
        }

        @Test
        void aProviderTypeOrPrefixNamesEveryEndpointOfThatType() {
            ModelNamespace.Pin pin = ModelNamespace.resolve("vllm/Qwen/Qwen2.5-7B", catalog, all).orElseThrow();
            assertThat(pin.endpointIds()).containsExactly(vllm.id());
            assertThat(pin.nativeNames()).containsEntry(vllm.id(), "Qwen/Qwen2.5-7B");
        }

        @Test
        void aNamespaceWinsOverAWholeNameWhenTheNamedEndpointServesTheBareModel() {
            // OpenRouter lists "openai/gpt-4o" too, but the endpoint called openai has gpt-4o itself.
            ModelNamespace.Pin pin = ModelNamespace.resolve("openai/gpt-4o", catalog, all).orElseThrow();
            assertThat(pin.endpointIds()).containsExactly(openai.id());
        }

        @Test
        void aWholeNameTheCatalogueKnowsStaysItselfWhenTheNamedEndpointLacksTheBareModel() {
            assertThat(ModelNamespace.resolve("openai/o3-pro", catalog, all)).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"meta-llama/llama-3-8b", "Qwen/Qwen2.5-7B", "nobody/unknown-model"})
        void aSlashInARealNameIsNotANamespaceWhenNoEndpointOrProviderIsCalledThat(String name) {
            assertThat(ModelNamespace.resolve(name, catalog, all)).isEmpty();
        }

        @Test
        void anUnknownModelUnderAKnownNamespaceIsStillPinned_soItCannotLeakToAnotherProvider() {
            ModelNamespace.Pin pin = ModelNamespace.resolve("azure/gpt-5", catalog, all).orElseThrow();
            assertThat(pin.endpointIds()).containsExactly(azure.id());
            assertThat(pin.nativeNames()).containsEntry(azure.id(), "gpt-5");
        }
    }

    @Nested
    class Listings {

        @Test
        void aNameTwoProvidersServeIsListedOncePerEndpoint() {
            List<String> names = ModelNamespace.listings(catalog, Set.of(openai.id(), azure.id(), openrouter.id(),
                    vllm.id())).stream().map(ModelNamespace.Listing::name).toList();
            assertThat(names).containsExactlyInAnyOrder("openai/gpt-4o", "azure/gpt-4o");
        }

        @Test
        void onlyReachableEndpointsCount() {
            assertThat(ModelNamespace.listings(catalog, Set.of(openai.id(), openrouter.id()))).isEmpty();
        }

        @Test
        void twoEndpointsOfOneProviderAreNotNamespaced() {
            Endpoint second = TestFleet.endpoint("openai-eu").profile(TestFleet.profile("openai-api")).build();
            ModelCatalog twoOpenAis = new ModelUnifier(RULES).unify(List.of(served(openai, model("gpt-4o").build()),
                    served(second, model("gpt-4o").build())), SEEN);
            assertThat(ModelNamespace.listings(twoOpenAis, Set.of(openai.id(), second.id()))).isEmpty();
        }
    }
}
