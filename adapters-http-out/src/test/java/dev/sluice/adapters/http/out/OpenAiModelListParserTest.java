package dev.sluice.adapters.http.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.application.port.out.ModelDiscoveryException;
import dev.sluice.domain.model.DiscoveredModel;
import dev.sluice.domain.model.ModelState;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OpenAiModelListParserTest {

    private final ModelListParser parser = new OpenAiModelListParser();

    @Test
    void readsIdsAndCreatedFromDataArray() {
        List<DiscoveredModel> models = parser.parse(Fixtures.json("openai-v1-models.json"));

        assertThat(models).extracting(DiscoveredModel::name).containsExactly("gpt-4o-mini", "text-embedding-3-small");
        assertThat(models.get(0).modifiedAt()).contains(Instant.ofEpochSecond(1_721_172_741L));
        assertThat(models.get(0).state()).isEqualTo(ModelState.UNKNOWN);
    }

    @Test
    void readsLiteLlmsGatewayList() {
        assertThat(parser.parse(Fixtures.json("litellm-v1-models.json"))).extracting(DiscoveredModel::name)
                .containsExactly("gpt-4o", "claude-3-5-sonnet", "local-llama");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "[{\"id\":\"a\"},{\"id\":\"b\"}]",
        "{\"models\":[{\"name\":\"a\"},{\"model\":\"b\"}]}",
        "[\"a\",\"b\"]",
        "{\"data\":[{\"id\":\"a\"},{\"object\":\"model\"},{\"id\":\"b\"}]}"
    })
    void acceptsTheShapesCompatibleServersDriftInto(String answer) {
        assertThat(parser.parse(Fixtures.parse(answer))).extracting(DiscoveredModel::name).containsExactly("a", "b");
    }

    @Test
    void readsAContextLengthAGatewayAdds() {
        List<DiscoveredModel> models = parser.parse(Fixtures.parse(
                "{\"data\":[{\"id\":\"mistral\",\"context_length\":32768}]}"));

        assertThat(models.get(0).contextLength()).isEqualTo(32_768);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"object\":\"list\"}", "{\"data\":{\"id\":\"a\"}}", "{\"error\":\"nope\"}"})
    void rejectsAnAnswerWithoutAModelList(String answer) {
        assertThatThrownBy(() -> parser.parse(Fixtures.parse(answer)))
                .isInstanceOf(ModelDiscoveryException.class)
                .hasMessage("no model list in answer");
    }
}
