package dev.sluice.adapters.http.out;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.domain.model.DiscoveredModel;
import dev.sluice.domain.model.ModelState;
import java.util.List;
import org.junit.jupiter.api.Test;

class LemonadeModelListParserTest {

    private final ModelListParser parser = new LemonadeModelListParser();
    private final List<DiscoveredModel> models = parser.parse(Fixtures.json("lemonade-api-v1-models.json"));

    @Test
    void downloadedDecidesTheState_soDownloadedModelsAreRoutable() {
        // Olla issue #160: dropping "downloaded" left every Lemonade model unroutable.
        assertThat(models).extracting(DiscoveredModel::state)
                .containsExactly(ModelState.AVAILABLE, ModelState.NOT_LOADED, ModelState.AVAILABLE);
    }

    @Test
    void readsPublisherAndQuantizationFromTheCheckpoint() {
        assertThat(models.get(0).publisher()).isEqualTo("amd");
        assertThat(models.get(0).quantization()).isEmpty();
        assertThat(models.get(1).publisher()).isEqualTo("ggml-org");
        assertThat(models.get(1).quantization()).isEqualTo("Q4_K_M");
    }

    @Test
    void readsTheWeightsFormatFromTheRecipe() {
        assertThat(models).extracting(DiscoveredModel::format).containsExactly("onnx", "gguf", "gguf");
    }

    @Test
    void labelsMarkVisionAndEmbeddingModels() {
        assertThat(models).extracting(DiscoveredModel::type).containsExactly("", "vlm", "embeddings");
    }

    @Test
    void aModelWithoutDownloadedIsUnknownNotDropped() {
        assertThat(parser.parse(Fixtures.parse("{\"data\":[{\"id\":\"x\"}]}")))
                .singleElement().extracting(DiscoveredModel::state).isEqualTo(ModelState.UNKNOWN);
    }
}
