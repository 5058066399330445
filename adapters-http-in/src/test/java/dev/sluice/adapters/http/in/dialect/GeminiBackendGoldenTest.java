package dev.sluice.adapters.http.in.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.domain.conversation.Conversation;
import dev.sluice.domain.conversation.Reply;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * OpenAI chat requests written as Gemini {@code generateContent} requests, and Gemini's answers (whole and a
 * recorded SSE stream) written back as OpenAI's: the exact JSON and chunks.
 */
class GeminiBackendGoldenTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final OpenAiRequests requests = new OpenAiRequests(JSON);
    private final GeminiBackend gemini = new GeminiBackend(JSON);

    private Conversation parse(String openAi) throws Exception {
        return requests.parse(openAi.getBytes(StandardCharsets.UTF_8)).conversation();
    }

    @Test
    void everyField_mapsToItsGeminiCounterpart() throws Exception {
        Conversation c = parse("""
                {"model":"gemini-2.5-flash","max_tokens":256,"temperature":0.7,"top_p":0.9,"top_k":40,"stop":"END",
                 "reasoning_effort":"low","tool_choice":{"type":"function","function":{"name":"get_weather"}},
                 "tools":[{"type":"function","function":{"name":"get_weather","description":"Weather by city",
                           "parameters":{"type":"object","properties":{"city":{"type":"string"}}}}}],
                 "messages":[{"role":"system","content":"Be brief."},
                   {"role":"user","content":[{"type":"text","text":"Weather here?"},
                     {"type":"image_url","image_url":{"url":"data:image/jpeg;base64,/9j/4A"}}]},
                   {"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function",
                     "function":{"name":"get_weather","arguments":"{\\"city\\":\\"Paris\\"}"}}]},
                   {"role":"tool","tool_call_id":"call_1","content":"18C"}]}
                """);
        assertThat(gemini.path(c)).isEqualTo("/v1beta/models/gemini-2.5-flash:generateContent");
        assertThat(gemini.query(c)).isEmpty();
        assertThat(JSON.readTree(gemini.request(c, AnthropicToOpenAiGoldenTest.profile("gemini")))).isEqualTo(JSON.readTree("""
                {"contents":[
                   {"role":"user","parts":[{"text":"Weather here?"},{"inlineData":{"mimeType":"image/jpeg","data":"/9j/4A"}}]},
                   {"role":"model","parts":[{"functionCall":{"name":"get_weather","args":{"city":"Paris"}}}]},
                   {"role":"user","parts":[{"functionResponse":{"name":"get_weather","response":{"content":"18C"}}}]}],
                 "systemInstruction":{"parts":[{"text":"Be brief."}]},
                 "tools":[{"functionDeclarations":[{"name":"get_weather","description":"Weather by city",
                   "parametersJsonSchema":{"type":"object","properties":{"city":{"type":"string"}}}}]}],
                 "toolConfig":{"functionCallingConfig":{"mode":"ANY","allowedFunctionNames":["get_weather"]}},
                 "generationConfig":{"temperature":0.7,"topP":0.9,"topK":40,"maxOutputTokens":256,"stopSequences":["END"],
                   "thinkingConfig":{"thinkingBudget":1024,"includeThoughts":true}}}
                """));
    }

    @Test
    void aStream_goesToStreamGenerateContentWithAltSse() throws Exception {
        Conversation c = parse("{\"model\":\"models/gemini-2.5-pro\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        assertThat(gemini.path(c)).isEqualTo("/v1beta/models/gemini-2.5-pro:streamGenerateContent");
        assertThat(gemini.query(c)).isEqualTo(Optional.of("alt=sse"));
    }

    @Test
    void wholeAnswer_withThoughtAndFunctionCall_isAChatCompletion() throws Exception {
        Reply reply = gemini.reply("""
                {"candidates":[{"content":{"parts":[{"text":"Need weather.","thought":true},{"text":"Checking."},
                  {"functionCall":{"name":"get_weather","args":{"city":"Paris"}}}],"role":"model"},
                  "finishReason":"STOP","index":0}],
                 "usageMetadata":{"promptTokenCount":10,"candidatesTokenCount":5,"thoughtsTokenCount":3,"totalTokenCount":18},
                 "modelVersion":"gemini-2.5-flash","responseId":"resp-1"}
                """.getBytes(StandardCharsets.UTF_8), "chatcmpl-x");
        assertThat(JSON.readTree(new OpenAiReplies(JSON).completion(reply, "gemini-2.5-flash", 5))).isEqualTo(JSON.readTree("""
                {"id":"resp-1","object":"chat.completion","created":5,"model":"gemini-2.5-flash",
                 "choices":[{"index":0,"message":{"role":"assistant","content":"Checking.","reasoning_content":"Need weather.",
                   "tool_calls":[{"id":"chatcmpl-x_call_0","type":"function","function":{"name":"get_weather",
                   "arguments":"{\\"city\\":\\"Paris\\"}"}}]},"finish_reason":"tool_calls"}],
                 "usage":{"prompt_tokens":10,"completion_tokens":8,"total_tokens":18}}
                """));
    }

    static final String GEMINI_STREAM = """
            data: {"candidates":[{"content":{"parts":[{"text":"Hel"}],"role":"model"},"index":0}],"usageMetadata":{"promptTokenCount":4,"totalTokenCount":4},"modelVersion":"gemini-2.5-flash","responseId":"r-1"}\r
            \r
            data: {"candidates":[{"content":{"parts":[{"text":"lo"}],"role":"model"},"finishReason":"MAX_TOKENS","index":0}],"usageMetadata":{"promptTokenCount":4,"candidatesTokenCount":2,"totalTokenCount":6},"modelVersion":"gemini-2.5-flash","responseId":"r-1"}\r
            \r
            """;

    @ParameterizedTest(name = "reads of {0} bytes")
    @ValueSource(ints = {1, 5, 4096})
    void recordedStream_becomesTheExactOpenAiChunks(int readSize) {
        byte[] upstream = GEMINI_STREAM.getBytes(StandardCharsets.UTF_8);
        SseLines lines = new SseLines();
        BackendDialect.StreamDecoder decoder = gemini.streamDecoder();
        OpenAiClientStream client = new OpenAiClientStream(new OpenAiReplies(JSON), "c1", "gemini-2.5-flash", 9, true);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int at = 0; at < upstream.length; at += readSize) {
            for (String line : lines.feed(ByteBuffer.wrap(upstream, at, Math.min(readSize, upstream.length - at)).slice())) {
                decoder.line(line).forEach(d -> out.writeBytes(client.on(d)));
            }
        }
        out.writeBytes(client.end());
        String head = "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":9,\"model\":\"gemini-2.5-flash\",";
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(
                head + "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}]}\n\n"
                + head + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hel\"},\"finish_reason\":null}]}\n\n"
                + head + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"lo\"},\"finish_reason\":null}]}\n\n"
                + head + "\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"length\"}]}\n\n"
                + head + "\"choices\":[],\"usage\":{\"prompt_tokens\":4,\"completion_tokens\":2,\"total_tokens\":6}}\n\n"
                + "data: [DONE]\n\n");
    }

    @Test
    void anErrorChunk_isAFailure() {
        assertThat(gemini.streamDecoder().line("data: {\"error\":{\"code\":500,\"message\":\"Internal error\",\"status\":\"INTERNAL\"}}"))
                .containsExactly(new dev.sluice.domain.conversation.ReplyDelta.Failed("Internal error"));
    }
}
