package dev.sluice.adapters.http.out;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.domain.model.DiscoveredModel;
import dev.sluice.domain.model.ModelState;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OllamaModelListParserTest {

    private final ModelListParser parser = new OllamaModelListParser();

    @Test
    void readsEveryFactOfApiTags() {
        List<DiscoveredModel> models = parser.parse(Fixtures.json("ollama-api-tags.json"));

        assertThat(models).hasSize(2);
        DiscoveredModel llama = models.get(0);
        assertThat(llama.name()).isEqualTo("llama3.2:3b");
        assertThat(llama.digest()).isEqualTo("a80c4f17acd55265feec403c7aef86be0c25983ab279d83f3bcd3abbcb5b8b72");
        assertThat(llama.sizeBytes()).isEqualTo(2_019_393_189L);
        assertThat(llama.family()).isEqualTo("llama");
        assertThat(llama.parameterSize()).isEqualTo("3.2B");
        assertThat(llama.quantization()).isEqualTo("Q4_K_M");
        assertThat(llama.format()).isEqualTo("gguf");
        assertThat(llama.state()).isEqualTo(ModelState.AVAILABLE);
        assertThat(llama.modifiedAt()).contains(Instant.parse("2025-01-15T18:21:32.123456789Z"));
    }

    @Test
    void fallsBackToFirstFamilyWhenFamilyIsBlank() {
        DiscoveredModel embed = parser.parse(Fixtures.json("ollama-api-tags.json")).get(1);

        assertThat(embed.family()).isEqualTo("nomic-bert");
        assertThat(embed.parameterSize()).isEqualTo("137M");
    }

    @Test
    void readsOllamasOpenAiListWhenPointedAtV1Models() {
        List<DiscoveredModel> models = parser.parse(Fixtures.parse(
                "{\"object\":\"list\",\"data\":[{\"id\":\"llama3.2:3b\",\"object\":\"model\","
                        + "\"created\":1736938800,\"owned_by\":\"library\"}]}"));

        assertThat(models).extracting(DiscoveredModel::name).containsExactly("llama3.2:3b");
        assertThat(models.get(0).modifiedAt()).contains(Instant.ofEpochSecond(1_736_938_800L));
    }

    @Test
    void anEmptyInstallationListsNoModels() {
        assertThat(parser.parse(Fixtures.parse("{\"models\":[]}"))).isEmpty();
    }

    @Test
    void keepsAModelWhoseDateIsUnreadable() {
        List<DiscoveredModel> models = parser.parse(Fixtures.parse(
                "{\"models\":[{\"name\":\"odd:1b\",\"modified_at\":\"yesterday\",\"size\":\"12\"}]}"));

        assertThat(models).singleElement().satisfies(m -> {
            assertThat(m.modifiedAt()).isEmpty();
            assertThat(m.sizeBytes()).isEqualTo(12);
        });
    }
}
