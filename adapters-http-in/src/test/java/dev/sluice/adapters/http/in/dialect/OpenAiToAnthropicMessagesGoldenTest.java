package dev.sluice.adapters.http.in.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.domain.conversation.Reply;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * OpenAI chat-completions requests written as Anthropic Messages requests, and Anthropic's whole answers and error
 * bodies written back as OpenAI's: the exact JSON on both sides.
 */
class OpenAiToAnthropicMessagesGoldenTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final OpenAiRequests requests = new OpenAiRequests(JSON);
    private final AnthropicMessagesBackend anthropic = new AnthropicMessagesBackend(JSON);
    private final OpenAiReplies replies = new OpenAiReplies(JSON);

    private JsonNode translate(String openAi) throws Exception {
        OpenAiRequests.Parsed parsed = requests.parse(openAi.getBytes(StandardCharsets.UTF_8));
        return JSON.readTree(anthropic.request(parsed.conversation(), AnthropicToOpenAiGoldenTest.profile("anthropic")));
    }

    @Nested
    class Requests {

        @Test
        void everyField_mapsToItsAnthropicCounterpart_turnsMergedToAlternate() throws Exception {
            JsonNode body = translate("""
                    {"model":"claude-sonnet-4-20250514","max_tokens":300,"temperature":1.4,"top_p":0.9,
                     "stop":["END","STOP"],"user":"u-1","stream":true,"stream_options":{"include_usage":true},
                     "parallel_tool_calls":false,"tool_choice":{"type":"function","function":{"name":"get_weather"}},
                     "tools":[{"type":"function","function":{"name":"get_weather","description":"Weather by city",
                               "parameters":{"type":"object","properties":{"city":{"type":"string"}}}}}],
                     "messages":[
                       {"role":"system","content":"Be brief."},
                       {"role":"developer","content":[{"type":"text","text":"Use metric units."}]},
                       {"role":"user","content":[{"type":"text","text":"Weather in Paris and Rome?"},
                         {"type":"image_url","image_url":{"url":"data:image/png;base64,iVBORw0"}},
                         {"type":"image_url","image_url":{"url":"https://example.com/a.jpg"}}]},
                       {"role":"assistant","content":null,"tool_calls":[
                         {"id":"call_1","type":"function","function":{"name":"get_weather","arguments":"{\\"city\\":\\"Paris\\"}"}},
                         {"id":"call_2","type":"function","function":{"name":"get_weather","arguments":"{\\"city\\":\\"Rome\\"}"}}]},
                       {"role":"tool","tool_call_id":"call_1","content":"18C"},
                       {"role":"tool","tool_call_id":"call_2","content":[{"type":"text","text":"21C"}]},
                       {"role":"user","content":"And tomorrow?"}]}
                    """);
            assertThat(body).isEqualTo(JSON.readTree("""
                    {"model":"claude-sonnet-4-20250514","max_tokens":300,"system":"Be brief.\\n\\nUse metric units.",
                     "messages":[
                       {"role":"user","content":[{"type":"text","text":"Weather in Paris and Rome?"},
                         {"type":"image","source":{"type":"base64","media_type":"image/png","data":"iVBORw0"}},
                         {"type":"image","source":{"type":"url","url":"https://example.com/a.jpg"}}]},
                       {"role":"assistant","content":[
                         {"type":"tool_use","id":"call_1","name":"get_weather","input":{"city":"Paris"}},
                         {"type":"tool_use","id":"call_2","name":"get_weather","input":{"city":"Rome"}}]},
                       {"role":"user","content":[
                         {"type":"tool_result","tool_use_id":"call_1","content":[{"type":"text","text":"18C"}]},
                         {"type":"tool_result","tool_use_id":"call_2","content":[{"type":"text","text":"21C"}]},
                         {"type":"text","text":"And tomorrow?"}]}],
                     "temperature":1.0,"top_p":0.9,"stop_sequences":["END","STOP"],
                     "tools":[{"name":"get_weather","description":"Weather by city",
                               "input_schema":{"type":"object","properties":{"city":{"type":"string"}}}}],
                     "tool_choice":{"type":"tool","name":"get_weather","disable_parallel_tool_use":true},
                     "metadata":{"user_id":"u-1"},"stream":true}
                    """));
        }

        @Test
        void noMaxTokens_getsTheModelFamilysDefault() throws Exception {
            assertThat(translate("{\"model\":\"claude-sonnet-4-20250514\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                    .path("max_tokens").asInt()).isEqualTo(8192);
            assertThat(translate("{\"model\":\"claude-3-haiku-20240307\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                    .path("max_tokens").asInt()).isEqualTo(4096);
        }

        @Test
        void reasoningEffort_becomesThinking_withoutTemperature_andMaxTokensAboveTheBudget() throws Exception {
            JsonNode body = translate("""
                    {"model":"claude-sonnet-4-20250514","max_tokens":1000,"temperature":0.3,"reasoning_effort":"medium",
                     "messages":[{"role":"user","content":"think"}]}
                    """);
            assertThat(body.path("thinking")).isEqualTo(JSON.readTree("{\"type\":\"enabled\",\"budget_tokens\":8192}"));
            assertThat(body.has("temperature")).isFalse();
            assertThat(body.path("max_tokens").asInt()).isGreaterThan(8192);
        }

        @Test
        void requiredToolChoice_isAny_andNoneStaysNone() throws Exception {
            String tools = "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"f\",\"parameters\":{\"type\":\"object\"}}}],"
                    + "\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"model\":\"claude-sonnet-4-20250514\"";
            assertThat(translate("{\"tool_choice\":\"required\"," + tools + "}").path("tool_choice"))
                    .isEqualTo(JSON.readTree("{\"type\":\"any\"}"));
            assertThat(translate("{\"tool_choice\":\"none\"," + tools + "}").path("tool_choice"))
                    .isEqualTo(JSON.readTree("{\"type\":\"none\"}"));
        }

        @Test
        void unreadableRequests_areRefusedWithTheField() {
            assertThatThrownBy(() -> requests.parse("{\"messages\":[]}".getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOf(InvalidRequest.class).hasMessageContaining("model");
            assertThatThrownBy(() -> requests.parse(("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":"
                    + "[{\"type\":\"image_url\",\"image_url\":{\"url\":\"data:image/png,raw\"}}]}]}")
                    .getBytes(StandardCharsets.UTF_8))).isInstanceOf(InvalidRequest.class).hasMessageContaining("base64");
            assertThatThrownBy(() -> requests.parse("{\"model\":\"m\",\"messages\":[{\"role\":\"robot\",\"content\":\"x\"}]}"
                    .getBytes(StandardCharsets.UTF_8))).isInstanceOf(InvalidRequest.class).hasMessageContaining("role");
        }
    }

    @Nested
    class Answers {

        @Test
        void wholeMessage_withThinkingTextAndTools_isAChatCompletion() throws Exception {
            Reply reply = anthropic.reply("""
                    {"id":"msg_01","type":"message","role":"assistant","model":"claude-sonnet-4-20250514",
                     "content":[{"type":"thinking","thinking":"Two cities.","signature":"sig"},
                                {"type":"text","text":"Checking."},
                                {"type":"tool_use","id":"toolu_1","name":"get_weather","input":{"city":"Paris"}},
                                {"type":"tool_use","id":"toolu_2","name":"get_weather","input":{"city":"Rome"}}],
                     "stop_reason":"tool_use","stop_sequence":null,
                     "usage":{"input_tokens":20,"cache_read_input_tokens":5,"output_tokens":30}}
                    """.getBytes(StandardCharsets.UTF_8), "fallback");
            JsonNode completion = JSON.readTree(replies.completion(reply, "claude-sonnet-4", 1700000000L));
            assertThat(completion).isEqualTo(JSON.readTree("""
                    {"id":"msg_01","object":"chat.completion","created":1700000000,"model":"claude-sonnet-4",
                     "choices":[{"index":0,"message":{"role":"assistant","content":"Checking.",
                       "reasoning_content":"Two cities.",
                       "tool_calls":[
                         {"id":"toolu_1","type":"function","function":{"name":"get_weather","arguments":"{\\"city\\":\\"Paris\\"}"}},
                         {"id":"toolu_2","type":"function","function":{"name":"get_weather","arguments":"{\\"city\\":\\"Rome\\"}"}}]},
                       "finish_reason":"tool_calls"}],
                     "usage":{"prompt_tokens":25,"completion_tokens":30,"total_tokens":55}}
                    """));
        }

        @Test
        void maxTokensStop_isLength() throws Exception {
            Reply reply = anthropic.reply(("{\"id\":\"msg_2\",\"content\":[{\"type\":\"text\",\"text\":\"Hel\"}],"
                    + "\"stop_reason\":\"max_tokens\",\"usage\":{\"input_tokens\":1,\"output_tokens\":1}}")
                    .getBytes(StandardCharsets.UTF_8), "x");
            assertThat(JSON.readTree(replies.completion(reply, "m", 1)).path("choices").path(0)
                    .path("finish_reason").asText()).isEqualTo("length");
        }

        @Test
        void notAMessage_isRefused() {
            assertThatThrownBy(() -> anthropic.reply("{\"foo\":1}".getBytes(StandardCharsets.UTF_8), "x"))
                    .isInstanceOf(InvalidRequest.class);
        }
    }
}
