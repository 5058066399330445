package dev.sluice.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.adapters.config.Configuration;
import dev.sluice.simulator.BackendKind;
import dev.sluice.simulator.SimulatedBackend;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Someone coming from seed 004's proxy brings only their .env file: no config.yaml, and a chat is served. */
@Timeout(60)
class DotEnvStartupIntegrationTest {

    @TempDir
    Path dir;

    @Test
    void aSeed004EnvFileAloneStartsTheProxyAndServesAChat() throws Exception {
        try (SimulatedBackend ollama = SimulatedBackend.builder(BackendKind.OLLAMA).name("local")
                .models("llama3.2:3b").start()) {
            Files.writeString(dir.resolve(".env"), """
                    HOST=127.0.0.1
                    PORT=0
                    LOG_LEVEL=info
                    ROUTING_STRATEGY=least_loaded
                    FALLBACK_STRATEGY=next_available
                    ENABLE_LOAD_BALANCING=true
                    HEALTH_CHECK_INTERVAL=1
                    OPENAI_ENABLED=false
                    ANTHROPIC_ENABLED=false
                    OLLAMA_ENABLED=true
                    OLLAMA_BASE_URL=%s
                    OLLAMA_TIMEOUT=300
                    OLLAMA_PRIORITY=7
                    OLLAMA_MAX_CONCURRENT_REQUESTS=4
                    MAX_QUEUE_SIZE=10
                    ENABLE_PRIORITIZATION=true
                    """.formatted(ollama.baseUri()));
            assertThat(dir.resolve("config.yaml")).doesNotExist();
            SluiceApp app = new SluiceApp(Configuration.load(Optional.empty(), Map.of(), dir));
            try {
                app.start();
                HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
                HttpResponse<String> chat = http.send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + app.port() + "/olla/ollama/api/chat"))
                        .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"model\":\"llama3.2:3b\",\"stream\":false,\"messages\":[{\"role\":\"user\","
                                        + "\"content\":\"hi\"}]}")).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(chat.statusCode()).as(chat.body()).isEqualTo(200);
                assertThat(chat.headers().firstValue("X-Olla-Endpoint")).hasValue("ollama");
                assertThat(chat.body()).contains("\"done\":true");
                // Seed 004's provider pages name the provider as its variables did.
                HttpResponse<String> providers = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + app.port() + "/api/providers")).timeout(Duration.ofSeconds(10))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertThat(providers.statusCode()).isEqualTo(200);
                assertThat(providers.body()).contains("\"ollama\":{\"name\":\"ollama\",\"type\":\"ollama\"")
                        .contains("\"routing_strategy\":\"least-connections\"")
                        .contains("\"fallback_strategy\":\"next_available\"");
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + app.port() + "/health/providers/ollama"))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(health.statusCode()).isEqualTo(200);
                assertThat(health.body()).contains("\"healthy\":true");
            } finally {
                app.close();
            }
        }
    }
}
