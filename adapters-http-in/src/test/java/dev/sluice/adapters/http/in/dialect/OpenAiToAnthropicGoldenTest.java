package dev.sluice.adapters.http.in.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.domain.conversation.Reply;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** OpenAI answers and errors, read and written back in Anthropic's shape. */
class OpenAiToAnthropicGoldenTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final OpenAiChatBackend openai = new OpenAiChatBackend(JSON);
    private final AnthropicReplies anthropic = new AnthropicReplies(JSON);

    private JsonNode translate(String openAiAnswer) throws Exception {
        Reply reply = openai.reply(openAiAnswer.getBytes(StandardCharsets.UTF_8), "msg_fallback");
        return JSON.readTree(anthropic.message(new Reply(reply.id(), "asked-model", reply.content(),
                reply.stopReason(), reply.usage())));
    }

    @Test
    void answerWithReasoningTextAndParallelToolCalls_becomesOrderedContentBlocks() throws Exception {
        JsonNode out = translate("""
                {"id":"chatcmpl-42","object":"chat.completion","model":"qwen3","choices":[{"index":0,
                  "message":{"role":"assistant","reasoning_content":"Two cities.","content":"Checking.",
                    "tool_calls":[
                      {"id":"call_a","type":"function","function":{"name":"get_weather","arguments":"{\\"city\\":\\"Paris\\"}"}},
                      {"id":"call_b","type":"function","function":{"name":"get_weather","arguments":"{\\"city\\":\\"Tokyo\\"}"}}]},
                  "finish_reason":"tool_calls"}],
                 "usage":{"prompt_tokens":30,"completion_tokens":12,"total_tokens":42}}""");

        assertThat(out).isEqualTo(JSON.readTree("""
                {"id":"msg_chatcmpl-42","type":"message","role":"assistant","model":"asked-model","content":[
                  {"type":"thinking","thinking":"Two cities.","signature":""},
                  {"type":"text","text":"Checking."},
                  {"type":"tool_use","id":"call_a","name":"get_weather","input":{"city":"Paris"}},
                  {"type":"tool_use","id":"call_b","name":"get_weather","input":{"city":"Tokyo"}}],
                 "stop_reason":"tool_use","stop_sequence":null,"usage":{"input_tokens":30,"output_tokens":12}}"""));
    }

    @ParameterizedTest(name = "finish_reason {0} -> stop_reason {1}")
    @CsvSource({"stop,end_turn", "length,max_tokens", "tool_calls,tool_use", "content_filter,end_turn"})
    void finishReasons_mapToStopReasons(String finish, String stop) throws Exception {
        JsonNode out = translate("""
                {"id":"c","choices":[{"message":{"role":"assistant","content":"x"},"finish_reason":"%s"}]}"""
                .formatted(finish));
        assertThat(out.get("stop_reason").asText()).isEqualTo(stop);
    }

    @Test
    void ollamasReasoningField_andUnparseableArguments_areKeptSafe() throws Exception {
        JsonNode out = translate("""
                {"id":"c","choices":[{"message":{"role":"assistant","reasoning":"hmm","content":"",
                  "tool_calls":[{"id":"t","function":{"name":"f","arguments":"not json"}}]},"finish_reason":"stop"}]}""");
        assertThat(out.at("/content/0/thinking").asText()).isEqualTo("hmm");
        assertThat(out.at("/content/1/input")).isEqualTo(JSON.createObjectNode());
        assertThat(out.get("stop_reason").asText()).isEqualTo("tool_use");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"400,invalid_request_error", "401,authentication_error", "403,permission_error",
        "404,not_found_error", "413,request_too_large", "429,rate_limit_error", "408,timeout_error",
        "504,timeout_error", "500,api_error", "502,api_error", "503,api_error"})
    void backendErrors_becomeAnthropicEnvelopes_withOllasStatusMapping(int status, String type) throws Exception {
        byte[] openAiError = "{\"error\":{\"message\":\"The model `x` does not exist.\",\"type\":\"NotFoundError\"}}"
                .getBytes(StandardCharsets.UTF_8);
        JsonNode out = JSON.readTree(anthropic.error(status, openai.errorMessage(openAiError), "req-9"));
        assertThat(out).isEqualTo(JSON.readTree("""
                {"type":"error","error":{"type":"%s","message":"The model `x` does not exist."},"request_id":"req-9"}"""
                .formatted(type)));
    }

    @Test
    void errorMessages_areFoundInEveryCommonShape() {
        assertThat(openai.errorMessage("{\"error\":\"model not found\"}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("model not found");
        assertThat(openai.errorMessage("{\"detail\":\"bad\"}".getBytes(StandardCharsets.UTF_8))).isEqualTo("bad");
        assertThat(openai.errorMessage("Bad Gateway\n".getBytes(StandardCharsets.UTF_8))).isEqualTo("Bad Gateway");
    }
}
