package dev.sluice.adapters.http.out;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.domain.model.DiscoveredModel;
import dev.sluice.domain.model.ModelState;
import java.util.List;
import org.junit.jupiter.api.Test;

class VllmModelListParserTest {

    private final ModelListParser parser = new VllmModelListParser();

    @Test
    void readsMaxModelLenAndPublisherFromRoot() {
        DiscoveredModel llama = parser.parse(Fixtures.json("vllm-v1-models.json")).get(0);

        assertThat(llama.name()).isEqualTo("llama-8b");
        assertThat(llama.contextLength()).isEqualTo(131_072);
        assertThat(llama.publisher()).isEqualTo("meta-llama");
        assertThat(llama.state()).isEqualTo(ModelState.LOADED);
    }

    @Test
    void aLoraAdapterWithALocalRootAndNullLengthStillLists() {
        DiscoveredModel lora = parser.parse(Fixtures.json("vllm-v1-models.json")).get(1);

        assertThat(lora.name()).isEqualTo("sql-lora");
        assertThat(lora.contextLength()).isZero();
        assertThat(lora.publisher()).isEmpty();
    }

    @Test
    void readsSglangsList() {
        List<DiscoveredModel> models = parser.parse(Fixtures.json("sglang-v1-models.json"));

        assertThat(models).singleElement().satisfies(m -> {
            assertThat(m.name()).isEqualTo("Qwen/Qwen2.5-7B-Instruct");
            assertThat(m.contextLength()).isEqualTo(32_768);
            assertThat(m.publisher()).isEqualTo("Qwen");
        });
    }

    @Test
    void readsLmDeploysListWhichHasNoLength() {
        List<DiscoveredModel> models = parser.parse(Fixtures.json("lmdeploy-v1-models.json"));

        assertThat(models).singleElement().satisfies(m -> {
            assertThat(m.name()).isEqualTo("internlm2_5-7b-chat");
            assertThat(m.publisher()).isEqualTo("internlm");
            assertThat(m.contextLength()).isZero();
        });
    }
}
