package dev.sluice.adapters.http.in.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.domain.conversation.Conversation;
import dev.sluice.domain.conversation.Features;
import dev.sluice.domain.profile.AnthropicSupport;
import dev.sluice.domain.profile.MetricsExtraction;
import dev.sluice.domain.profile.PlatformCharacteristics;
import dev.sluice.domain.profile.Profile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Anthropic Messages requests read leniently, validated strictly, and written as OpenAI chat completions. */
class AnthropicToOpenAiGoldenTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final AnthropicRequests requests = new AnthropicRequests(JSON);
    private final OpenAiChatBackend openai = new OpenAiChatBackend(JSON);

    static Profile profile(String name) {
        return TestProfiles.named(name);
    }

    private JsonNode translate(String anthropic, String platform) throws Exception {
        Conversation c = requests.parse(anthropic.getBytes(StandardCharsets.UTF_8), true);
        return JSON.readTree(openai.request(c, profile(platform)));
    }

    @Test
    void everyRequestField_mapsToItsOpenAiCounterpart() throws Exception {
        String anthropic = """
                {"model":"qwen3","max_tokens":512,"system":"Be brief.","temperature":0.2,"top_p":0.9,"top_k":40,
                 "stop_sequences":["END"],"metadata":{"user_id":"u-1"},"stream":true,
                 "thinking":{"type":"enabled","budget_tokens":8000},
                 "tool_choice":{"type":"tool","name":"get_weather","disable_parallel_tool_use":true},
                 "tools":[{"name":"get_weather","description":"Weather by city",
                           "input_schema":{"type":"object","properties":{"city":{"type":"string"}}}}],
                 "messages":[
                   {"role":"user","content":[{"type":"text","text":"Weather in Paris?"},
                     {"type":"image","source":{"type":"base64","media_type":"image/png","data":"iVBORw0"}},
                     {"type":"image","source":{"type":"url","url":"https://example.com/a.jpg"}}]},
                   {"role":"assistant","content":[{"type":"thinking","thinking":"need a tool","signature":"sig"},
                     {"type":"text","text":"Let me look."},
                     {"type":"tool_use","id":"toolu_1","name":"get_weather","input":{"city":"Paris"}}]},
                   {"role":"user","content":[
                     {"type":"tool_result","tool_use_id":"toolu_1","content":[{"type":"text","text":"18C"},{"type":"text","text":"sunny"}]},
                     {"type":"tool_result","tool_use_id":"toolu_2","is_error":true,"content":"city unknown"},
                     {"type":"text","text":"And tomorrow?"}]}]}
                """;
        JsonNode expected = JSON.readTree("""
                {"model":"qwen3","messages":[
                  {"role":"system","content":"Be brief."},
                  {"role":"user","content":[{"type":"text","text":"Weather in Paris?"},
                    {"type":"image_url","image_url":{"url":"data:image/png;base64,iVBORw0"}},
                    {"type":"image_url","image_url":{"url":"https://example.com/a.jpg"}}]},
                  {"role":"assistant","content":"Let me look.","tool_calls":[{"id":"toolu_1","type":"function",
                    "function":{"name":"get_weather","arguments":"{\\"city\\":\\"Paris\\"}"}}]},
                  {"role":"tool","tool_call_id":"toolu_1","content":"18C\\nsunny"},
                  {"role":"tool","tool_call_id":"toolu_2","content":"Error: city unknown"},
                  {"role":"user","content":"And tomorrow?"}],
                 "max_tokens":512,"temperature":0.2,"top_p":0.9,"top_k":40,"stop":["END"],
                 "tools":[{"type":"function","function":{"name":"get_weather","description":"Weather by city",
                   "parameters":{"type":"object","properties":{"city":{"type":"string"}}}}}],
                 "tool_choice":{"type":"function","function":{"name":"get_weather"}},"parallel_tool_calls":false,
                 "reasoning_effort":"medium","user":"u-1","stream":true,"stream_options":{"include_usage":true}}
                """);

        assertThat(translate(anthropic, "vllm")).isEqualTo(expected);
    }

    @ParameterizedTest(name = "tool_choice {0} -> {1}")
    @CsvSource({"auto,\"auto\"", "any,\"required\"", "none,\"none\""})
    void toolChoiceModes_mapToOpenAiNames(String anthropic, String openAi) throws Exception {
        JsonNode out = translate("""
                {"model":"m","max_tokens":5,"tool_choice":{"type":"%s"},
                 "tools":[{"name":"t","input_schema":{"type":"object"}}],
                 "messages":[{"role":"user","content":"hi"}]}""".formatted(anthropic), "vllm");
        assertThat(out.get("tool_choice")).isEqualTo(JSON.readTree(openAi));
        assertThat(out.has("parallel_tool_calls")).isFalse();
    }

    @Test
    void topK_isLeftOut_forPlatformsThatRejectUnknownSamplingFields() throws Exception {
        JsonNode out = translate("""
                {"model":"m","max_tokens":5,"top_k":3,"messages":[{"role":"user","content":"hi"}]}""",
                "openai-compatible");
        assertThat(out.has("top_k")).isFalse();
        assertThat(out.has("stream")).isFalse();
    }

    @Test
    void claudeCodeRequest_isToleratedAndTranslated_cacheControlAndContextManagementDropped() throws Exception {
        byte[] fixture = resource("claude-code-request.json");
        Conversation c = requests.parse(fixture, true);
        JsonNode out = JSON.readTree(openai.request(c, profile("sglang")));

        assertThat(c.system()).hasSize(2);
        assertThat(c.features()).isEqualTo(new Features(true, false, false));
        assertThat(out.at("/messages/0/role").asText()).isEqualTo("system");
        assertThat(out.at("/messages/0/content").asText()).startsWith("You are Claude Code").contains("<env>");
        assertThat(out.at("/messages/1/content").asText()).endsWith("Which files are in src/?");
        assertThat(out.at("/tools/0/function/name").asText()).isEqualTo("Bash");
        assertThat(out.at("/tools/1/function/parameters/required/0").asText()).isEqualTo("pattern");
        assertThat(out.at("/user").asText()).startsWith("user_2f1c0a");
        assertThat(out.toString()).doesNotContain("cache_control").doesNotContain("context_management")
                .doesNotContain("ephemeral");
    }

    @Nested
    class InvalidRequests {

        @ParameterizedTest(name = "{1}")
        @CsvSource(delimiter = '|', value = {
            "{\"max_tokens\":5,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}|model: Field required",
            "{\"model\":\"m\",\"max_tokens\":5}|messages: Field required",
            "{\"model\":\"m\",\"max_tokens\":5,\"messages\":[]}|messages: at least one message is required",
            "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}|max_tokens: Field required",
            "{\"model\":\"m\",\"max_tokens\":0,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}|max_tokens: must be an integer greater than or equal to 1",
            "{\"model\":\"m\",\"max_tokens\":\"9\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}|max_tokens: must be an integer greater than or equal to 1",
            "{\"model\":7,\"max_tokens\":5,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}|model: must be a string",
            "{\"model\":\"m\",\"max_tokens\":5,\"temperature\":3,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}|temperature: must be a number from 0 to 2",
            "{\"model\":\"m\",\"max_tokens\":5,\"top_p\":1.5,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}|top_p: must be a number from 0 to 1",
            "{\"model\":\"m\",\"max_tokens\":5,\"top_k\":-1,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}|top_k: must be an integer greater than or equal to 0",
            "{\"model\":\"m\",\"max_tokens\":5,\"messages\":[{\"role\":\"system\",\"content\":\"hi\"}]}|messages.0.role: must be \"user\" or \"assistant\"",
            "{\"model\":\"m\",\"max_tokens\":5,\"messages\":\"hi\"}|messages: must be an array",
            "[1,2]|request body must be a JSON object"})
        void areRefused_withAMessageNamingTheField(String body, String message) {
            assertThatThrownBy(() -> requests.parse(body.getBytes(StandardCharsets.UTF_8), true))
                    .isInstanceOf(InvalidRequest.class).hasMessage(message);
        }

        @Test
        void countTokensBodies_needNoMaxTokens() throws Exception {
            Conversation c = requests.parse("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"abcdefgh\"}]}"
                    .getBytes(StandardCharsets.UTF_8), false);
            assertThat(c.estimatedInputTokens()).isEqualTo(2);
        }

        @Test
        void unknownFieldsAndBlockTypes_areIgnored() throws Exception {
            Conversation c = requests.parse("""
                    {"model":"m","max_tokens":5,"context_management":{"edits":[]},"container":"x","service_tier":"auto",
                     "mcp_servers":[],"tools":[{"type":"web_search_20250305","name":"web_search"}],
                     "messages":[{"role":"user","content":[{"type":"document","source":{}},
                       {"type":"text","text":"hi","cache_control":{"type":"ephemeral","ttl":"1h"}}]}]}"""
                    .getBytes(StandardCharsets.UTF_8), true);
            assertThat(c.tools()).isEmpty();
            assertThat(c.messages().get(0).parts()).hasSize(1);
        }
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = AnthropicToOpenAiGoldenTest.class.getResourceAsStream("/dialect/" + name)) {
            if (in == null) {
                throw new IOException("missing test resource " + name);
            }
            return in.readAllBytes();
        }
    }

    static final class TestProfiles {
        static Profile named(String name) {
            return new Profile(name, name, "", List.of(name), true, List.of("/v1/chat/completions"), "/v1/models",
                    "/health", AnthropicSupport.NONE, PlatformCharacteristics.DEFAULTS, Map.of(), List.of(),
                    List.of("model"), "openai", MetricsExtraction.NONE);
        }
    }
}
