package dev.sluice.adapters.http.out;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.domain.model.DiscoveredModel;
import dev.sluice.domain.model.ModelState;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LmStudioModelListParserTest {

    private final ModelListParser parser = new LmStudioModelListParser();

    @Nested
    class ApiV0Models {

        private final List<DiscoveredModel> models = parser.parse(Fixtures.json("lmstudio-api-v0-models.json"));

        @Test
        void readsTypePublisherArchQuantizationAndContext() {
            DiscoveredModel vlm = models.get(0);
            assertThat(vlm.name()).isEqualTo("qwen2-vl-7b-instruct");
            assertThat(vlm.type()).isEqualTo("vlm");
            assertThat(vlm.publisher()).isEqualTo("mlx-community");
            assertThat(vlm.arch()).isEqualTo("qwen2_vl");
            assertThat(vlm.format()).isEqualTo("mlx");
            assertThat(vlm.quantization()).isEqualTo("4bit");
            assertThat(vlm.contextLength()).isEqualTo(32_768);
        }

        @Test
        void readsLoadedAndNotLoadedStates() {
            assertThat(models).extracting(DiscoveredModel::state)
                    .containsExactly(ModelState.NOT_LOADED, ModelState.LOADED, ModelState.NOT_LOADED);
        }
    }

    @Test
    void readsTheOpenAiShapeOllaShipsLmStudioEndpointsWith() {
        List<DiscoveredModel> models = parser.parse(Fixtures.json("lmstudio-v1-models.json"));

        assertThat(models).extracting(DiscoveredModel::name).containsExactly("qwen2-vl-7b-instruct",
                "meta-llama-3.1-8b-instruct", "text-embedding-nomic-embed-text-v1.5");
        assertThat(models).extracting(DiscoveredModel::state).containsOnly(ModelState.UNKNOWN);
    }

    @Test
    void readsTheRestApiShapeWithNestedQuantizationAndLoadedInstances() {
        List<DiscoveredModel> models = parser.parse(Fixtures.json("lmstudio-api-v1-models.json"));

        assertThat(models).hasSize(2);
        DiscoveredModel qwen = models.get(0);
        assertThat(qwen.name()).isEqualTo("qwen/qwen3-4b");
        assertThat(qwen.quantization()).isEqualTo("Q4_K_M");
        assertThat(qwen.arch()).isEqualTo("qwen3");
        assertThat(qwen.parameterSize()).isEqualTo("4B");
        assertThat(qwen.sizeBytes()).isEqualTo(2_497_280_256L);
        assertThat(qwen.state()).isEqualTo(ModelState.LOADED);
        DiscoveredModel embed = models.get(1);
        assertThat(embed.type()).isEqualTo("embeddings");
        assertThat(embed.parameterSize()).isEmpty();
        assertThat(embed.state()).isEqualTo(ModelState.NOT_LOADED);
    }
}
