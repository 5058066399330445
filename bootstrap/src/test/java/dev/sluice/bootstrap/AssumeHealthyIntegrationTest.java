package dev.sluice.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code assume_healthy} (Olla issue #104): a hosted API nobody probes is routable from the start, and real traffic
 * is its health check: a refused key turns it into a config_error naming the variable, and the provider's 401 is
 * relayed to the client as it was sent.
 */
@Timeout(60)
class AssumeHealthyIntegrationTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"olla", "sherpa"})
    void aRefusedRequestMakesAnUnprobedEndpointAConfigError(String engine) throws Exception {
        try (FakeCloudApi openrouter = new FakeCloudApi("Authorization", "Bearer sk-or-current", Map.of(
                "/api/v1/models", "{\"data\":[{\"id\":\"openai/gpt-4o-mini\",\"context_length\":128000}]}"))
                .withOpenLists();
             RunningProxy proxy = RunningProxy.start(dir, RunningProxy.config("proxy:\n  engine: " + engine + "\n",
                     RunningProxy.endpoint("openrouter", openrouter.baseUri().resolve("/api/v1"), "openrouter",
                             "assume_healthy: true", "auth: {token: \"${OPENROUTER_API_KEY:-sk-or-revoked}\"}")))) {
            assertThat(proxy.endpointStatus("openrouter").get("status").asText()).isEqualTo("healthy");
            assertThat(openrouter.requestsTo("/api/v1/key")).isEmpty();

            HttpResponse<String> refused = proxy.http.send(HttpRequest.newBuilder(
                            proxy.uri("/olla/openai/v1/chat/completions")).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"openai/gpt-4o-mini\",\"messages\":[]}"))
                    .build(), HttpResponse.BodyHandlers.ofString());

            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.body()).contains("Incorrect API key provided");
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                var status = proxy.endpointStatus("openrouter");
                assertThat(status.get("status").asText()).isEqualTo("config_error");
                assertThat(status.get("last_error").asText()).isEqualTo("401 from openrouter: check the API key in "
                        + "discovery.static.endpoints[0].auth (OPENROUTER_API_KEY)");
            });
            assertThat(openrouter.requestsTo("/api/v1/key")).isEmpty();
        }
    }
}
