package dev.sluice.adapters.http.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.application.port.out.ModelDiscoveryException;
import dev.sluice.domain.model.DiscoveredModel;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class HostedApiModelListParserTest {

    @Nested
    class Anthropic {

        private final ModelListParser parser = ModelListParsers.standard().forFormat("anthropic");

        @Test
        void readsIdsAndCreationDates() {
            List<DiscoveredModel> models = parser.parse(Fixtures.json("anthropic-v1-models.json"));

            assertThat(models).extracting(DiscoveredModel::name)
                    .containsExactly("claude-sonnet-4-20250514", "claude-3-5-haiku-20241022");
            assertThat(models.get(0).modifiedAt()).contains(Instant.parse("2025-05-22T00:00:00Z"));
        }

        @Test
        void anErrorBodyIsNotAModelList() {
            assertThatThrownBy(() -> parser.parse(Fixtures.parse(
                    "{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\",\"message\":\"invalid x-api-key\"}}")))
                    .isInstanceOf(ModelDiscoveryException.class);
        }
    }

    @Nested
    class Gemini {

        private final ModelListParser parser = ModelListParsers.standard().forFormat("gemini");

        @Test
        void dropsTheModelsResourcePrefix_andReadsTheInputLimitAsContext() {
            List<DiscoveredModel> models = parser.parse(Fixtures.json("gemini-v1beta-models.json"));

            assertThat(models).extracting(DiscoveredModel::name)
                    .containsExactly("gemini-2.5-flash", "text-embedding-004");
            assertThat(models.get(0).contextLength()).isEqualTo(1_048_576L);
        }

        @Test
        void leavesOutModelsThatCanNeitherGenerateNorEmbed() {
            assertThat(parser.parse(Fixtures.json("gemini-v1beta-models.json"))).extracting(DiscoveredModel::name)
                    .doesNotContain("aqa");
        }
    }

    @Nested
    class Bedrock {

        private final ModelListParser parser = ModelListParsers.standard().forFormat("bedrock");

        @Test
        void keepsModelsInvocableOnDemand_andLeavesOutProvisionedOnlyAndLegacyOnes() {
            List<DiscoveredModel> models = parser.parse(Fixtures.json("bedrock-foundation-models.json"));

            assertThat(models).extracting(DiscoveredModel::name)
                    .containsExactly("anthropic.claude-3-5-sonnet-20240620-v1:0", "amazon.titan-embed-text-v2:0");
        }
    }
}
