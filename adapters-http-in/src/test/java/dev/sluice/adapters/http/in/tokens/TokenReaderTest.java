package dev.sluice.adapters.http.in.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.sluice.domain.metrics.TokenUsage;
import dev.sluice.domain.profile.AnthropicSupport;
import dev.sluice.domain.profile.MetricsExtraction;
import dev.sluice.domain.profile.PlatformCharacteristics;
import dev.sluice.domain.profile.Profile;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TokenReaderTest {

    private final TokenReader reader = new TokenReader(JsonMapper.builder().build());

    static Profile profile(String name, MetricsExtraction extraction) {
        return new Profile(name, name, "", List.of(name), true, List.of("/v1/models"), "/v1/models", "/health",
                AnthropicSupport.NONE, PlatformCharacteristics.DEFAULTS, Map.of(), List.of(), List.of("model"),
                name, extraction);
    }

    private TokenUsage read(Profile profile, String body, boolean whole) {
        return reader.read(profile, body.getBytes(StandardCharsets.UTF_8), whole);
    }

    @Nested
    class WithoutAProfileExtraction {

        private final Profile plain = profile("plain", MetricsExtraction.NONE);

        @Test
        void aWholeOpenAiBody_evenPrettyPrinted() {
            TokenUsage usage = read(plain, "{\n  \"choices\": [],\n  \"usage\": {\n    \"prompt_tokens\": 12,\n"
                    + "    \"completion_tokens\": 5\n  }\n}\n", true);
            assertThat(usage.inputTokens()).hasValue(12);
            assertThat(usage.outputTokens()).hasValue(5);
        }

        @Test
        void anAnthropicStream_fromItsMessageDelta() {
            TokenUsage usage = read(plain, "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":"
                    + "{\"stop_reason\":\"end_turn\"},\"usage\":{\"input_tokens\":14,\"output_tokens\":9}}\n\n"
                    + "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n", true);
            assertThat(usage.inputTokens()).hasValue(14);
            assertThat(usage.outputTokens()).hasValue(9);
        }

        @Test
        void anOllamaStream_fromItsDoneLine_withRateAndTtft() {
            TokenUsage usage = read(plain, "{\"done\":false}\n{\"done\":true,\"prompt_eval_count\":3,"
                    + "\"prompt_eval_duration\":5000000,\"eval_count\":10,\"eval_duration\":200000000}\n", true);
            assertThat(usage.outputTokens()).hasValue(10);
            assertThat(usage.tokensPerSecond()).hasValue(50.0);
            assertThat(usage.timeToFirstTokenMillis()).hasValue(5.0);
        }

        @Test
        void aStreamWhoseStartWasCutOff_stillReadsItsLastEvent() {
            String tail = "ta\":\"cut\"}}]}\n\ndata: {\"choices\":[],\"usage\":{\"prompt_tokens\":2,\"completion_tokens\":3}}"
                    + "\n\ndata: [DONE]\n\n";
            assertThat(read(plain, tail, false).outputTokens()).hasValue(3);
        }

        @Test
        void anAnswerWithNoFigures_readsAsNone() {
            assertThat(read(plain, "data: {\"choices\":[]}\n\ndata: [DONE]\n\n", true)).isEqualTo(TokenUsage.NONE);
            assertThat(read(plain, "not json at all", true)).isEqualTo(TokenUsage.NONE);
            assertThat(read(plain, "", true)).isEqualTo(TokenUsage.NONE);
        }
    }

    @Test
    void aProfilesExtractionDecidesWhereToLook() {
        Profile custom = profile("custom", new MetricsExtraction(true, "response_body", "json",
                Map.of("input_tokens", "$.stats.in", "output_tokens", "$.stats.out", "gen_s", "$.stats.seconds"),
                Map.of("tokens_per_second", "gen_s > 0 ? output_tokens / gen_s : 0")));
        TokenUsage usage = read(custom, "{\"stats\":{\"in\":4,\"out\":40,\"seconds\":2}}", true);
        assertThat(usage.inputTokens()).hasValue(4);
        assertThat(usage.tokensPerSecond()).hasValue(20.0);
    }

    @Test
    void aBrokenFormulaFallsBackToTheBuiltInReadings() {
        Profile broken = profile("broken", new MetricsExtraction(true, "response_body", "json",
                Map.of("output_tokens", "$.x"), Map.of("tokens_per_second", "len(x)")));
        assertThat(read(broken, "{\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":2}}", true).outputTokens())
                .hasValue(2);
    }
}
