package dev.sluice.domain.model;

import static dev.sluice.domain.model.TestModels.RULES;
import static dev.sluice.domain.model.TestModels.SEEN;
import static dev.sluice.domain.model.TestModels.model;
import static dev.sluice.domain.model.TestModels.served;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.domain.TestFleet;
import dev.sluice.domain.endpoint.Endpoint;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ModelCatalogTest {

    private static final String DIGEST = "sha256:0011223344556677889900aabbccddeeff";

    private final Endpoint ollama = TestFleet.endpoint("ollama-a").priority(100).build();
    private final Endpoint lmStudio = TestFleet.endpoint("studio")
            .profile(TestFleet.profile("lm-studio")).priority(10).build();

    private final ModelCatalog catalog = new ModelUnifier(RULES).unify(List.of(
            served(ollama, model("llama3.2:3b").digest(DIGEST).build(), model("mistral:7b").build()),
            served(lmStudio, model("Llama-3.2-3B-Instruct").digest(DIGEST).build())), SEEN);

    @ParameterizedTest
    @ValueSource(strings = {"llama3.2:3b", "LLAMA3.2:3B", "  llama3.2:3b  "})
    void findsByIdIgnoringCaseAndSurroundingSpace(String name) {
        assertThat(catalog.find(name)).get().extracting(UnifiedModel::id).isEqualTo("llama3.2:3b");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Llama-3.2-3B-Instruct", "llama-3.2-3b-instruct"})
    void findsByAliasIgnoringCase(String name) {
        assertThat(catalog.find(name)).get().extracting(UnifiedModel::id).isEqualTo("llama3.2:3b");
    }

    @Test
    void findsTheEntryEachEndpointServesUnderAnyOfItsNames() {
        assertThat(catalog.servedOn("llama3.2:3b", lmStudio.id())).get().extracting(UnifiedModel::id)
                .isEqualTo("llama3.2:3b");
        assertThat(catalog.servedOn("LLAMA-3.2-3B-INSTRUCT", ollama.id())).get().extracting(UnifiedModel::id)
                .isEqualTo("llama3.2:3b");
        assertThat(catalog.servedOn("mistral:7b", lmStudio.id())).isEmpty();
    }

    @Test
    void unknownNameFindsNothing() {
        assertThat(catalog.find("gpt-4o")).isEmpty();
    }

    @Test
    void anIdBeatsAnotherModelsAliasOfTheSameName() {
        UnifiedModel aliased = new UnifiedModel("first", "", "", "", 0, "", "", "llm", "", "", 0, 0, List.of(),
                List.of(new ModelAlias("second", "ollama")), List.of(), SEEN);
        UnifiedModel named = new UnifiedModel("second", "", "", "", 0, "", "", "llm", "", "", 0, 0, List.of(),
                List.of(), List.of(), SEEN);

        ModelCatalog clash = new ModelCatalog(List.of(aliased, named), SEEN);

        assertThat(clash.find("second")).contains(named);
    }

    @Test
    void knowsItsSizeAndModels() {
        assertThat(catalog.size()).isEqualTo(2);
        assertThat(catalog.models()).extracting(UnifiedModel::id).containsExactly("llama3.2:3b", "mistral:7b");
        assertThat(ModelCatalog.EMPTY.size()).isZero();
    }

    @Test
    void unifiedModelKnowsItsNamesIgnoringCase() {
        UnifiedModel llama = catalog.find("llama3.2:3b").orElseThrow();

        assertThat(llama.knownAs("LLAMA-3.2-3B-INSTRUCT")).isTrue();
        assertThat(llama.knownAs("mistral:7b")).isFalse();
        assertThat(llama.nativeNameOn(ollama.id())).contains("llama3.2:3b");
        assertThat(llama.nativeNameOn("no-such-endpoint")).isEmpty();
    }
}
