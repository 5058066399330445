package dev.sluice.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The real proxy in front of a simulated Gemini API set to {@code provider.api: native}: OpenAI chat requests
 * and Anthropic Messages requests reach {@code generateContent} / {@code streamGenerateContent?alt=sse} with the
 * endpoint's key and come back in the caller's dialect, streamed event by event; Google's 429 keeps its status.
 */
@Timeout(60)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeminiNativeIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private FakeGeminiNative gemini;
    private RunningProxy proxy;

    @BeforeAll
    void start() throws Exception {
        gemini = new FakeGeminiNative();
        proxy = RunningProxy.start(Files.createTempDirectory("gemini-native"), RunningProxy.config("",
                RunningProxy.endpoint("gemini", gemini.baseUri(), "gemini", "auth: {key: AIza-gemini}",
                        "provider: {api: native}")));
        await().atMost(Duration.ofSeconds(20)).until(() ->
                proxy.get("/olla/openai/v1/models").body().contains(FakeGeminiNative.MODEL));
    }

    @AfterAll
    void stop() throws Exception {
        if (proxy != null) {
            proxy.close();
        }
        if (gemini != null) {
            gemini.close();
        }
    }

    private static String openAi(String model, boolean stream) {
        return "{\"model\":\"" + model + "\",\"stream\":" + stream + ",\"max_tokens\":50,\"messages\":[{\"role\":"
                + "\"system\",\"content\":\"Be brief.\"},{\"role\":\"user\",\"content\":\"hi\"}]}";
    }

    @Test
    void openAiChat_reachesGenerateContent_andComesBackAsAChatCompletion() throws Exception {
        HttpResponse<String> response = proxy.post("/olla/openai/v1/chat/completions", openAi(FakeGeminiNative.MODEL, false));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode completion = JSON.readTree(response.body());
        assertThat(completion.path("choices").path(0).path("message").path("content").asText()).isEqualTo("Hello");
        assertThat(completion.path("usage").path("total_tokens").asInt()).isEqualTo(5);
        FakeGeminiNative.Seen seen = gemini.generations().get(gemini.generations().size() - 1);
        assertThat(seen.pathAndQuery()).isEqualTo("/v1beta/models/gemini-2.5-flash:generateContent");
        assertThat(seen.apiKey()).isEqualTo("AIza-gemini");
        JsonNode sent = JSON.readTree(seen.body());
        assertThat(sent.path("systemInstruction").path("parts").path(0).path("text").asText()).isEqualTo("Be brief.");
        assertThat(sent.path("generationConfig").path("maxOutputTokens").asInt()).isEqualTo(50);
    }

    @Test
    void openAiStream_reachesStreamGenerateContent_andComesBackAsChunks() throws Exception {
        HttpResponse<String> response = proxy.post("/olla/proxy/v1/chat/completions", openAi(FakeGeminiNative.MODEL, true));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"delta\":{\"content\":\"Hel\"}").contains("\"delta\":{\"content\":\"lo\"}")
                .contains("\"finish_reason\":\"stop\"").endsWith("data: [DONE]\n\n");
        assertThat(gemini.generations().get(gemini.generations().size() - 1).pathAndQuery())
                .isEqualTo("/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse");
    }

    @Test
    void anthropicMessages_areTranslatedToGeminiToo_streamed() throws Exception {
        HttpResponse<String> response = proxy.post("/olla/anthropic/v1/messages", "{\"model\":\"" + FakeGeminiNative.MODEL
                + "\",\"max_tokens\":20,\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("event: message_start").contains("\"text\":\"Hel\"")
                .contains("\"stop_reason\":\"end_turn\"").contains("event: message_stop");
    }

    // A 429 rests the endpoint for its Retry-After: it gets a proxy of its own, so the other tests keep theirs.
    @Test
    void googles429_keepsItsStatus_inOpenAisEnvelope() throws Exception {
        HttpResponse<String> response;
        try (FakeGeminiNative limited = new FakeGeminiNative();
             RunningProxy own = RunningProxy.start(Files.createTempDirectory("gemini-429"), RunningProxy.config("",
                     RunningProxy.endpoint("gemini", limited.baseUri(), "gemini", "auth: {key: AIza-gemini}",
                             "provider: {api: native}")))) {
            await().atMost(Duration.ofSeconds(20)).until(() ->
                    own.get("/olla/openai/v1/models").body().contains("gemini-limited"));
            response = own.post("/olla/openai/v1/chat/completions", openAi("gemini-limited", false));
        }

        assertThat(response.statusCode()).isEqualTo(429);
        JsonNode error = JSON.readTree(response.body()).path("error");
        assertThat(error.path("code").asText()).isEqualTo("RESOURCE_EXHAUSTED");
        assertThat(error.path("message").asText()).contains("Resource has been exhausted");
    }
}
