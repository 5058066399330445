package dev.sluice.adapters.http.out;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.domain.model.DiscoveredModel;
import dev.sluice.domain.model.ModelState;
import java.util.List;
import org.junit.jupiter.api.Test;

class DockerModelRunnerModelListParserTest {

    private final ModelListParser parser = new DockerModelRunnerModelListParser();

    @Test
    void readsSizeAndQuantizationFromTheReferencesTag() {
        List<DiscoveredModel> models = parser.parse(Fixtures.json("dmr-engines-v1-models.json"));

        assertThat(models).extracting(DiscoveredModel::name).containsExactly("ai/smollm2:360M-Q4_K_M",
                "ai/llama3.2:latest");
        DiscoveredModel smol = models.get(0);
        assertThat(smol.parameterSize()).isEqualTo("360M");
        assertThat(smol.quantization()).isEqualTo("Q4_K_M");
        assertThat(smol.publisher()).isEqualTo("ai");
        assertThat(smol.state()).isEqualTo(ModelState.AVAILABLE);
    }

    @Test
    void aLatestTagSaysNothingAboutSize() {
        DiscoveredModel latest = parser.parse(Fixtures.json("dmr-engines-v1-models.json")).get(1);

        assertThat(latest.parameterSize()).isEmpty();
        assertThat(latest.quantization()).isEmpty();
    }

    @Test
    void readsTheNativeListNamedByTags() {
        List<DiscoveredModel> models = parser.parse(Fixtures.json("dmr-native-models.json"));

        assertThat(models).singleElement().satisfies(m -> {
            assertThat(m.name()).isEqualTo("ai/smollm2:360M-Q4_K_M");
            assertThat(m.format()).isEqualTo("gguf");
            assertThat(m.arch()).isEqualTo("llama");
            assertThat(m.quantization()).isEqualTo("Q4_K_M");
        });
    }
}
