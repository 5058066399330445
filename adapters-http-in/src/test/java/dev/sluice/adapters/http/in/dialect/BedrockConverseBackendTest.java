package dev.sluice.adapters.http.in.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.domain.conversation.Conversation;
import dev.sluice.domain.conversation.Reply;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * OpenAI and Anthropic requests written as Bedrock Converse requests (exact JSON), the paths they go to, and
 * Converse answers read back: text, tool calls, reasoning, stop reasons, usage and Bedrock's error bodies.
 */
class BedrockConverseBackendTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CLAUDE = "anthropic.claude-3-5-sonnet-20240620-v1:0";
    private final BedrockConverseBackend bedrock = new BedrockConverseBackend(JSON);

    private Conversation openAi(String body) throws Exception {
        return new OpenAiRequests(JSON).parse(body.getBytes(StandardCharsets.UTF_8)).conversation();
    }

    private String written(Conversation c) throws Exception {
        return new String(bedrock.request(c, AnthropicToOpenAiGoldenTest.profile("bedrock")), StandardCharsets.UTF_8);
    }

    @Test
    void everyField_mapsToItsConverseCounterpart() throws Exception {
        Conversation c = openAi("""
                {"model":"amazon.nova-pro-v1:0","max_tokens":256,"temperature":0.7,"top_p":0.9,"stop":["END","STOP"],
                 "tool_choice":{"type":"function","function":{"name":"get_weather"}},
                 "tools":[{"type":"function","function":{"name":"get_weather","description":"Weather by city",
                           "parameters":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}}],
                 "messages":[{"role":"system","content":"Be brief."},{"role":"developer","content":"Use metric."},
                   {"role":"user","content":[{"type":"text","text":"Weather here?"},
                     {"type":"image_url","image_url":{"url":"data:image/jpeg;base64,/9j/4A"}}]},
                   {"role":"assistant","content":"Let me look.","tool_calls":[{"id":"tooluse_1","type":"function",
                     "function":{"name":"get_weather","arguments":"{\\"city\\":\\"Paris\\"}"}}]},
                   {"role":"tool","tool_call_id":"tooluse_1","content":"18C"},
                   {"role":"user","content":"And tomorrow?"}]}
                """);

        assertThat(bedrock.path(c)).isEqualTo("/model/amazon.nova-pro-v1%3A0/converse");
        assertThat(JSON.readTree(written(c))).isEqualTo(JSON.readTree("""
                {"messages":[
                   {"role":"user","content":[{"text":"Weather here?"},
                     {"image":{"format":"jpeg","source":{"bytes":"/9j/4A"}}}]},
                   {"role":"assistant","content":[{"text":"Let me look."},
                     {"toolUse":{"toolUseId":"tooluse_1","name":"get_weather","input":{"city":"Paris"}}}]},
                   {"role":"user","content":[
                     {"toolResult":{"toolUseId":"tooluse_1","content":[{"text":"18C"}],"status":"success"}},
                     {"text":"And tomorrow?"}]}],
                 "system":[{"text":"Be brief."},{"text":"Use metric."}],
                 "inferenceConfig":{"maxTokens":256,"temperature":0.7,"topP":0.9,"stopSequences":["END","STOP"]},
                 "toolConfig":{"tools":[{"toolSpec":{"name":"get_weather","description":"Weather by city",
                     "inputSchema":{"json":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}}}],
                   "toolChoice":{"tool":{"name":"get_weather"}}}}
                """));
    }

    @Test
    void aStreamGoesToConverseStream_andTheModelIdIsEscapedInThePath() throws Exception {
        Conversation c = openAi("{\"model\":\"arn:aws:bedrock:us-east-1:123456789012:inference-profile/us." + CLAUDE
                + "\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");

        assertThat(bedrock.path(c)).isEqualTo("/model/arn%3Aaws%3Abedrock%3Aus-east-1%3A123456789012%3Ainference-profile"
                + "%2Fus.anthropic.claude-3-5-sonnet-20240620-v1%3A0/converse-stream");
        assertThat(bedrock.query(c)).isEmpty();
        assertThat(JSON.readTree(written(c)).has("stream")).isFalse();
    }

    @Test
    void claude_getsTopKAndThinkingAsAdditionalFields_andTemperatureIsCappedAtOne() throws Exception {
        Conversation plain = openAi("{\"model\":\"" + CLAUDE + "\",\"temperature\":1.5,\"top_k\":40,\"messages\":"
                + "[{\"role\":\"user\",\"content\":\"hi\"}]}");
        Conversation thinking = openAi("{\"model\":\"" + CLAUDE + "\",\"temperature\":0.5,\"top_k\":40,"
                + "\"reasoning_effort\":\"low\",\"max_tokens\":4000,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");

        assertThat(JSON.readTree(written(plain)).path("inferenceConfig").path("temperature").asDouble()).isEqualTo(1.0);
        assertThat(JSON.readTree(written(plain)).path("additionalModelRequestFields").toString())
                .isEqualTo("{\"top_k\":40}");
        assertThat(JSON.readTree(written(thinking)).path("additionalModelRequestFields").toString())
                .isEqualTo("{\"thinking\":{\"type\":\"enabled\",\"budget_tokens\":1024}}");
        assertThat(JSON.readTree(written(thinking)).path("inferenceConfig").has("temperature")).isFalse();
        assertThat(JSON.readTree(written(thinking)).path("inferenceConfig").path("maxTokens").asInt()).isEqualTo(4000);
        Conversation noCap = openAi("{\"model\":\"" + CLAUDE + "\",\"reasoning_effort\":\"medium\",\"top_p\":0.5,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        assertThat(JSON.readTree(written(noCap)).path("inferenceConfig").toString())
                .isEqualTo("{\"maxTokens\":12288,\"topP\":0.95}");
    }

    @Test
    void toolChoiceNone_leavesTheToolsOut_unlessTheHistoryUsesThem() throws Exception {
        String tools = "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"f\",\"parameters\":{\"type\":\"object\"}}}]";
        Conversation fresh = openAi("{\"model\":\"m\",\"tool_choice\":\"none\"," + tools
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        Conversation used = openAi("{\"model\":\"m\",\"tool_choice\":\"none\"," + tools + ",\"messages\":["
                + "{\"role\":\"user\",\"content\":\"hi\"},{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"t1\","
                + "\"type\":\"function\",\"function\":{\"name\":\"f\",\"arguments\":\"{}\"}}]},"
                + "{\"role\":\"tool\",\"tool_call_id\":\"t1\",\"content\":\"ok\"}]}");
        Conversation required = openAi("{\"model\":\"m\",\"tool_choice\":\"required\"," + tools
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");

        assertThat(JSON.readTree(written(fresh)).has("toolConfig")).isFalse();
        assertThat(JSON.readTree(written(used)).path("toolConfig").has("tools")).isTrue();
        assertThat(JSON.readTree(written(used)).path("toolConfig").has("toolChoice")).isFalse();
        assertThat(JSON.readTree(written(required)).path("toolConfig").path("toolChoice").toString()).isEqualTo("{\"any\":{}}");
    }

    @Test
    void anthropicToolResultsWithErrorsAndImages_keepBoth() throws Exception {
        Conversation c = new AnthropicRequests(JSON).parse("""
                {"model":"m","max_tokens":10,"messages":[{"role":"user","content":"look"},
                  {"role":"assistant","content":[{"type":"tool_use","id":"tu1","name":"snap","input":{}}]},
                  {"role":"user","content":[{"type":"tool_result","tool_use_id":"tu1","is_error":true,"content":[
                    {"type":"text","text":"blurred"},
                    {"type":"image","source":{"type":"base64","media_type":"image/png","data":"iVBOR"}}]}]}],
                 "tools":[{"name":"snap","input_schema":{"type":"object"}}]}
                """.getBytes(StandardCharsets.UTF_8), true);

        assertThat(JSON.readTree(written(c)).path("messages").path(2).toString()).isEqualTo("{\"role\":\"user\","
                + "\"content\":[{\"toolResult\":{\"toolUseId\":\"tu1\",\"content\":[{\"text\":\"blurred\"},{\"image\":"
                + "{\"format\":\"png\",\"source\":{\"bytes\":\"iVBOR\"}}}],\"status\":\"error\"}}]}");
    }

    @Test
    void imagesByS3Location_goAsS3_andWebUrlsThatBedrockCannotFetch_areNamedInText() throws Exception {
        Conversation c = openAi("""
                {"model":"m","messages":[{"role":"user","content":[
                  {"type":"image_url","image_url":{"url":"s3://bucket/cat.PNG"}},
                  {"type":"image_url","image_url":{"url":"https://example.org/dog.jpg"}}]}]}
                """);

        assertThat(JSON.readTree(written(c)).path("messages").path(0).path("content")).isEqualTo(JSON.readTree("""
                [{"image":{"format":"png","source":{"s3Location":{"uri":"s3://bucket/cat.PNG"}}}},
                 {"text":"[image https://example.org/dog.jpg not sent: Bedrock accepts inline images and s3:// locations only]"}]
                """));
    }

    @Test
    void aWholeAnswer_withReasoningTextAndToolUse_isAReply() throws Exception {
        Reply reply = bedrock.reply("""
                {"output":{"message":{"role":"assistant","content":[
                   {"reasoningContent":{"reasoningText":{"text":"Need weather.","signature":"sig-1"}}},
                   {"text":"Checking."},
                   {"toolUse":{"toolUseId":"tooluse_9","name":"get_weather","input":{"city":"Paris"}}}]}},
                 "stopReason":"tool_use",
                 "usage":{"inputTokens":10,"outputTokens":5,"totalTokens":15,"cacheReadInputTokens":4},
                 "metrics":{"latencyMs":321}}
                """.getBytes(StandardCharsets.UTF_8), "chatcmpl-x");

        assertThat(JSON.readTree(new OpenAiReplies(JSON).completion(reply, CLAUDE, 5))).isEqualTo(JSON.readTree("""
                {"id":"chatcmpl-x","object":"chat.completion","created":5,"model":"anthropic.claude-3-5-sonnet-20240620-v1:0",
                 "choices":[{"index":0,"message":{"role":"assistant","content":"Checking.","reasoning_content":"Need weather.",
                   "tool_calls":[{"id":"tooluse_9","type":"function","function":{"name":"get_weather",
                   "arguments":"{\\"city\\":\\"Paris\\"}"}}]},"finish_reason":"tool_calls"}],
                 "usage":{"prompt_tokens":14,"completion_tokens":5,"total_tokens":19}}
                """));
    }

    @Test
    void stopReasons_mapToTheDomainsOwn() throws Exception {
        for (String[] pair : new String[][] {{"end_turn", "stop"}, {"max_tokens", "length"}, {"stop_sequence", "stop"},
                {"guardrail_intervened", "stop"}, {"content_filtered", "stop"}}) {
            Reply reply = bedrock.reply(("{\"output\":{\"message\":{\"role\":\"assistant\",\"content\":[{\"text\":\"x\"}]}},"
                    + "\"stopReason\":\"" + pair[0] + "\",\"usage\":{\"inputTokens\":1,\"outputTokens\":1}}")
                    .getBytes(StandardCharsets.UTF_8), "id");
            assertThat(reply.stopReason().openAiFinishReason()).as(pair[0]).isEqualTo(pair[1]);
        }
    }

    @Test
    void anAnswerWithoutOutput_isRefused() {
        assertThatThrownBy(() -> bedrock.reply("{\"message\":\"hi\"}".getBytes(StandardCharsets.UTF_8), "id"))
                .isInstanceOf(InvalidRequest.class);
    }

    @Test
    void bedrocksErrorBody_givesItsMessage_andOnlyEventStreamsAreStreams() {
        assertThat(bedrock.errorMessage("{\"message\":\"The provided model identifier is invalid.\"}"
                .getBytes(StandardCharsets.UTF_8))).isEqualTo("The provided model identifier is invalid.");
        assertThat(bedrock.errorKind(h -> h.equals("x-amzn-ErrorType")
                ? "ThrottlingException:http://internal.amazon.com/coral/com.amazon.bedrock/" : null))
                .hasValue("ThrottlingException");
        assertThat(bedrock.errorKind(h -> null)).isEmpty();
        assertThat(bedrock.streams("application/vnd.amazon.eventstream")).isTrue();
        assertThat(bedrock.streams("application/json")).isFalse();
        assertThat(bedrock.streams(null)).isFalse();
    }
}
