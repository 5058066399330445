package dev.sluice.adapters.http.out;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.domain.model.DiscoveredModel;
import dev.sluice.domain.model.ModelState;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LlamaCppModelListParserTest {

    private final ModelListParser parser = new LlamaCppModelListParser();

    @Test
    void listsTheHybridAnswerOnceByItsDataId() {
        List<DiscoveredModel> models = parser.parse(Fixtures.json("llamacpp-v1-models.json"));

        assertThat(models).extracting(DiscoveredModel::name).containsExactly("tiny-random-llama");
    }

    @Test
    void enrichesFromMetaAndTheOllamaShapedCompanion() {
        DiscoveredModel model = parser.parse(Fixtures.json("llamacpp-v1-models.json")).get(0);

        assertThat(model.contextLength()).isEqualTo(4096);
        assertThat(model.sizeBytes()).isEqualTo(8_455_424L);
        assertThat(model.parameterSize()).isEqualTo("4.2M");
        assertThat(model.quantization()).isEqualTo("F16");
        assertThat(model.format()).isEqualTo("gguf");
        assertThat(model.state()).isEqualTo(ModelState.LOADED);
    }

    @Test
    void anAliasDifferentFromTheFileNameStillGetsTheOnlyCompanionsDetails() {
        DiscoveredModel model = parser.parse(Fixtures.parse(
                "{\"models\":[{\"name\":\"model.gguf\",\"details\":{\"format\":\"gguf\",\"family\":\"llama\"}}],"
                        + "\"data\":[{\"id\":\"my-alias\",\"meta\":{\"n_ctx_train\":8192}}]}")).get(0);

        assertThat(model.name()).isEqualTo("my-alias");
        assertThat(model.family()).isEqualTo("llama");
        assertThat(model.contextLength()).isEqualTo(8192);
    }

    @Test
    void readsAnOlderServerThatSendsOnlyTheOpenAiList() {
        List<DiscoveredModel> models = parser.parse(Fixtures.parse(
                "{\"object\":\"list\",\"data\":[{\"id\":\"qwen.gguf\",\"object\":\"model\","
                        + "\"meta\":{\"n_ctx_train\":32768,\"n_params\":7615616512,\"size\":4683073184}}]}"));

        assertThat(models).singleElement().satisfies(m -> {
            assertThat(m.parameterSize()).isEqualTo("7.6B");
            assertThat(m.sizeBytes()).isEqualTo(4_683_073_184L);
        });
    }

    @Test
    void readsOnlyTheModelsArrayWhenDataIsMissing() {
        List<DiscoveredModel> models = parser.parse(Fixtures.parse(
                "{\"models\":[{\"name\":\"a.gguf\",\"model\":\"a.gguf\",\"details\":{\"format\":\"gguf\"}}]}"));

        assertThat(models).singleElement().satisfies(m -> {
            assertThat(m.name()).isEqualTo("a.gguf");
            assertThat(m.format()).isEqualTo("gguf");
        });
    }

    @Test
    void routerModeReportsEachModelsOwnState() {
        List<DiscoveredModel> models = parser.parse(Fixtures.parse(
                "{\"data\":[{\"id\":\"a\",\"status\":{\"value\":\"loaded\"}},"
                        + "{\"id\":\"b\",\"status\":{\"value\":\"unloaded\"}}]}"));

        assertThat(models).extracting(DiscoveredModel::state).containsExactly(ModelState.LOADED, ModelState.NOT_LOADED);
    }

    @ParameterizedTest
    @CsvSource({
        "'Q4_K - Medium', Q4_K_M",
        "'Q5_K - Small', Q5_K_S",
        "'Q3_K - Large', Q3_K_L",
        "'IQ2_XXS - 2.0625 bpw', IQ2_XXS",
        "F16, F16",
        "Q8_0, Q8_0"
    })
    void spellsLlamaCppFileTypesAsOtherPlatformsDo(String ftype, String quantization) {
        assertThat(LlamaCppModelListParser.quantizationOf(ftype)).isEqualTo(quantization);
    }
}
