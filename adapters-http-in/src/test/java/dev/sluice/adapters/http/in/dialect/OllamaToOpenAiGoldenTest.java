package dev.sluice.adapters.http.in.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.domain.conversation.Conversation;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Ollama requests read into a conversation and written as OpenAI chat completions: the whole body, field by field. */
class OllamaToOpenAiGoldenTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final OllamaRequests ollama = new OllamaRequests(JSON);
    private final OpenAiChatBackend openai = new OpenAiChatBackend(JSON);

    private JsonNode chat(String body, String platform) throws Exception {
        Conversation c = ollama.chat(body.getBytes(StandardCharsets.UTF_8));
        return JSON.readTree(openai.request(c, AnthropicToOpenAiGoldenTest.profile(platform)));
    }

    private JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Nested
    class Chat {

        @Test
        void agentTurn_withSystemOptionsToolsCallsAndResults_becomesThisOpenAiBody() throws Exception {
            JsonNode out = chat("""
                    {"model":"qwen3:30b","stream":true,"think":true,
                     "options":{"temperature":0.2,"top_p":0.9,"top_k":40,"num_predict":256,"stop":["</s>"],"seed":7,
                       "num_ctx":8192},
                     "tools":[{"type":"function","function":{"name":"get_weather","description":"Weather now",
                       "parameters":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}}],
                     "messages":[
                       {"role":"system","content":"Be brief."},
                       {"role":"user","content":"Weather in Paris and Tokyo?"},
                       {"role":"assistant","content":"","thinking":"two calls","tool_calls":[
                         {"function":{"name":"get_weather","arguments":{"city":"Paris"}}},
                         {"function":{"name":"get_weather","arguments":{"city":"Tokyo"}}}]},
                       {"role":"tool","content":"18C","tool_name":"get_weather"},
                       {"role":"tool","content":"22C","tool_name":"get_weather"}]}""", "vllm");

            assertThat(out).isEqualTo(json("""
                    {"model":"qwen3:30b","messages":[
                       {"role":"system","content":"Be brief."},
                       {"role":"user","content":"Weather in Paris and Tokyo?"},
                       {"role":"assistant","tool_calls":[
                         {"id":"call_2_0","type":"function","function":{"name":"get_weather","arguments":"{\\"city\\":\\"Paris\\"}"}},
                         {"id":"call_2_1","type":"function","function":{"name":"get_weather","arguments":"{\\"city\\":\\"Tokyo\\"}"}}],
                        "content":null},
                       {"role":"tool","tool_call_id":"call_2_0","content":"18C"},
                       {"role":"tool","tool_call_id":"call_2_1","content":"22C"}],
                     "max_tokens":256,"temperature":0.2,"top_p":0.9,"top_k":40,"stop":["</s>"],"seed":7,
                     "tools":[{"type":"function","function":{"name":"get_weather","description":"Weather now",
                       "parameters":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}}],
                     "reasoning_effort":"medium","stream":true,"stream_options":{"include_usage":true}}"""));
        }

        @Test
        void streamIsOnUnlessTurnedOff_asInOllama() throws Exception {
            assertThat(chat("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}", "vllm")
                    .get("stream").asBoolean()).isTrue();
            assertThat(chat("{\"model\":\"m\",\"stream\":false,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
                    "vllm").has("stream")).isFalse();
        }

        @Test
        void base64Images_becomeDataUrls_withTheTypeTheirBytesShow() throws Exception {
            JsonNode out = chat("""
                    {"model":"llava","stream":false,"messages":[{"role":"user","content":"What is this?",
                      "images":["iVBORw0KGgo=","/9j/4AAQ"]}]}""", "vllm");
            assertThat(out.get("messages")).isEqualTo(json("""
                    [{"role":"user","content":[{"type":"text","text":"What is this?"},
                      {"type":"image_url","image_url":{"url":"data:image/png;base64,iVBORw0KGgo="}},
                      {"type":"image_url","image_url":{"url":"data:image/jpeg;base64,/9j/4AAQ"}}]}]"""));
        }

        @Test
        void formatJson_andSchema_becomeResponseFormat() throws Exception {
            assertThat(chat("{\"model\":\"m\",\"format\":\"json\",\"messages\":[]}", "vllm").get("response_format"))
                    .isEqualTo(json("{\"type\":\"json_object\"}"));
            assertThat(chat("""
                    {"model":"m","format":{"type":"object","properties":{"age":{"type":"integer"}}},"messages":[]}""",
                    "vllm").get("response_format")).isEqualTo(json("""
                    {"type":"json_schema","json_schema":{"name":"response",
                      "schema":{"type":"object","properties":{"age":{"type":"integer"}}}}}"""));
        }

        @Test
        void topK_onlyReachesPlatformsThatTakeIt_andUnlimitedNumPredictSendsNoCap() throws Exception {
            JsonNode out = chat("""
                    {"model":"gpt-4o","options":{"top_k":40,"num_predict":-1},"messages":[]}""", "openai-compatible");
            assertThat(out.has("top_k")).isFalse();
            assertThat(out.has("max_tokens")).isFalse();
        }

        @ParameterizedTest
        @ValueSource(strings = {"low", "high"})
        void thinkLevels_becomeReasoningEffort(String level) throws Exception {
            assertThat(chat("{\"model\":\"gpt-oss\",\"think\":\"" + level + "\",\"messages\":[]}", "vllm")
                    .get("reasoning_effort").asText()).isEqualTo(level);
        }

        @Test
        void thinkFalse_asksForNoReasoning() throws Exception {
            assertThat(chat("{\"model\":\"m\",\"think\":false,\"messages\":[]}", "vllm").has("reasoning_effort")).isFalse();
        }
    }

    @Test
    void generate_promptSystemAndImages_becomeOneUserTurnAfterTheSystemPrompt() throws Exception {
        Conversation c = ollama.generate("""
                {"model":"llava","prompt":"Describe.","system":"Be terse.","images":["R0lGODlh"],"stream":false,
                 "options":{"temperature":0}}""".getBytes(StandardCharsets.UTF_8));
        assertThat(JSON.readTree(openai.request(c, AnthropicToOpenAiGoldenTest.profile("vllm")))).isEqualTo(json("""
                {"model":"llava","messages":[{"role":"system","content":"Be terse."},
                  {"role":"user","content":[{"type":"text","text":"Describe."},
                    {"type":"image_url","image_url":{"url":"data:image/gif;base64,R0lGODlh"}}]}],
                 "temperature":0.0}"""));
    }

    @Test
    void invalidRequests_areRefusedWithTheFieldNamed() {
        assertThatThrownBy(() -> ollama.chat("{\"messages\":[]}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidRequest.class).hasMessageContaining("model");
        assertThatThrownBy(() -> ollama.chat("{\"model\":\"m\",\"messages\":[{\"role\":\"robot\"}]}"
                .getBytes(StandardCharsets.UTF_8))).hasMessageContaining("messages.0.role");
        assertThatThrownBy(() -> ollama.chat("{\"model\":\"m\",\"options\":{\"temperature\":\"hot\"}}"
                .getBytes(StandardCharsets.UTF_8))).hasMessageContaining("options.temperature");
        assertThatThrownBy(() -> ollama.chat("{\"model\":\"m\",\"format\":42}".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("format");
    }

    @Nested
    class Embeddings {

        private final OllamaEmbeddings codec = new OllamaEmbeddings(JSON);

        @Test
        void embedInputs_becomeOpenAiInput_andVectorsComeBackInInputOrder() throws Exception {
            assertThat(JSON.readTree(codec.request("{\"model\":\"nomic\",\"input\":[\"a\",\"b\"],\"truncate\":true}"
                    .getBytes(StandardCharsets.UTF_8), false, "nomic-embed"))).isEqualTo(json("""
                    {"model":"nomic-embed","input":["a","b"]}"""));
            byte[] answer = """
                    {"object":"list","data":[{"object":"embedding","index":1,"embedding":[0.5,-1]},
                      {"object":"embedding","index":0,"embedding":[0.25,2]}],"model":"x","usage":{"prompt_tokens":4}}"""
                    .getBytes(StandardCharsets.UTF_8);
            assertThat(JSON.readTree(codec.reply(answer, false, "nomic", 99))).isEqualTo(json("""
                    {"model":"nomic","embeddings":[[0.25,2],[0.5,-1]],"total_duration":99,"load_duration":0,
                     "prompt_eval_count":4}"""));
        }

        @Test
        void legacyEmbeddings_promptInOneVectorOut() throws Exception {
            assertThat(JSON.readTree(codec.request("{\"model\":\"m\",\"prompt\":\"hi\"}".getBytes(StandardCharsets.UTF_8),
                    true, "m"))).isEqualTo(json("{\"model\":\"m\",\"input\":\"hi\"}"));
            assertThat(JSON.readTree(codec.reply("{\"data\":[{\"index\":0,\"embedding\":[1.5]}]}"
                    .getBytes(StandardCharsets.UTF_8), true, "m", 1))).isEqualTo(json("{\"embedding\":[1.5]}"));
        }

        @Test
        void missingInput_isRefused() {
            assertThatThrownBy(() -> codec.request("{\"model\":\"m\"}".getBytes(StandardCharsets.UTF_8), false, "m"))
                    .isInstanceOf(InvalidRequest.class).hasMessageContaining("input");
        }
    }
}
