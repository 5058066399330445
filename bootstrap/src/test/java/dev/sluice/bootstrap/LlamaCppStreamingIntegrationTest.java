package dev.sluice.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.simulator.BackendKind;
import dev.sluice.simulator.ChatScript;
import dev.sluice.simulator.SimulatedBackend;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * llama.cpp's streams relayed untouched: its quirks (role and first token in one HTTP chunk, timings on the last
 * event, the native /completion stream without [DONE]) reach the client exactly as the server sent them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
class LlamaCppStreamingIntegrationTest {

    private static final String CHAT = "{\"model\":\"Qwen2.5-0.5B-Instruct-Q4_K_M.gguf\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    private static final String COMPLETION = "{\"prompt\":\"hi\",\"stream\":true}";

    private SimulatedBackend llamaCpp;
    private RunningProxy proxy;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        llamaCpp = SimulatedBackend.builder(BackendKind.LLAMACPP).name("llamacpp")
                .models("Qwen2.5-0.5B-Instruct-Q4_K_M.gguf").start();
        llamaCpp.setChatScript(new ChatScript(6, Duration.ZERO));
        proxy = RunningProxy.start(dir, RunningProxy.config("",
                RunningProxy.endpoint("llamacpp", llamaCpp.baseUri(), "llamacpp")));
    }

    @AfterAll
    void stop() {
        if (proxy != null) {
            proxy.close();
        }
        llamaCpp.close();
    }

    private HttpResponse<String> post(URI uri, String body) throws Exception {
        return proxy.http.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    // ids and timings differ between two generations; the framing and the order of events must not.
    private static List<String> shape(String stream) {
        return stream.lines().map(line -> line.replaceAll("\"(id|id_slot|created|system_fingerprint)\":\"?[^,\"}]*\"?", "\"$1\":_")
                .replaceAll("\"timings\":\\{[^}]*}", "\"timings\":{}")
                .replaceAll("\"(t_[a-z_]+|[a-z_]+_ms|[a-z_]+_per_second|[a-z_]+_per_token_ms)\":[0-9.e+-]+", "\"$1\":0"))
                .toList();
    }

    @Test
    void theChatStreamArrivesAsLlamaCppFramedIt() throws Exception {
        HttpResponse<String> direct = post(llamaCpp.baseUri().resolve("/v1/chat/completions"), CHAT);
        HttpResponse<String> proxied = post(proxy.uri("/olla/llamacpp/v1/chat/completions"), CHAT);
        assertThat(proxied.statusCode()).isEqualTo(200);
        assertThat(proxied.headers().firstValue("content-type")).isEqualTo(direct.headers().firstValue("content-type"));
        assertThat(shape(proxied.body())).isEqualTo(shape(direct.body()));
        assertThat(proxied.body()).endsWith("data: [DONE]\n\n");
    }

    @Test
    void theNativeCompletionStreamArrivesAsLlamaCppFramedIt() throws Exception {
        HttpResponse<String> direct = post(llamaCpp.baseUri().resolve("/completion"), COMPLETION);
        HttpResponse<String> proxied = post(proxy.uri("/olla/llamacpp/completion"), COMPLETION);
        assertThat(proxied.statusCode()).isEqualTo(200);
        assertThat(shape(proxied.body())).isEqualTo(shape(direct.body()));
        assertThat(proxied.body()).doesNotContain("[DONE]");
    }

    @Test
    void llamaCppErrorsArePassedThroughWithTheirStatus() throws Exception {
        HttpResponse<String> direct = post(llamaCpp.baseUri().resolve("/v1/chat/completions"), "{\"model\":\"Qwen2.5-0.5B-Instruct-Q4_K_M.gguf\"}");
        HttpResponse<String> proxied = post(proxy.uri("/olla/llamacpp/v1/chat/completions"), "{\"model\":\"Qwen2.5-0.5B-Instruct-Q4_K_M.gguf\"}");
        assertThat(proxied.statusCode()).isEqualTo(direct.statusCode());
        assertThat(proxied.body()).isEqualTo(direct.body());
    }
}
