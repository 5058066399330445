package dev.sluice.e2e;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.bootstrap.EmbeddedSluice;
import dev.sluice.simulator.BackendKind;
import dev.sluice.simulator.ChatScript;
import dev.sluice.simulator.HostedApiKey;
import dev.sluice.simulator.SimulatedBackend;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The four simulated hosted APIs (OpenAI, Anthropic, Gemini native, Azure OpenAI) behind one real proxy, each
 * configured as the README's "Cloud providers" section documents: its hosted {@code type}, its key in
 * {@code auth}, and a {@code provider:} block where the type has one. One model each, named apart.
 */
final class HostedFleet implements AutoCloseable {

    static final String GPT = "gpt-4o";
    static final String CLAUDE = "claude-sonnet-4-20250514";
    static final String GEMINI = "gemini-2.5-flash";
    /** Served by Azure under the deployment {@link #AZURE_DEPLOYMENT}. */
    static final String AZURE_MODEL = "gpt-4.1";
    static final String AZURE_DEPLOYMENT = "prod-gpt-41";
    static final List<String> MODELS = List.of(GPT, CLAUDE, GEMINI, AZURE_MODEL);

    private static final ObjectMapper JSON = new ObjectMapper();
    private final SimulatedBackend openai;
    private final SimulatedBackend anthropic;
    private final SimulatedBackend gemini;
    private final SimulatedBackend azure;
    private EmbeddedSluice proxy;

    HostedFleet(ChatScript script) {
        openai = SimulatedBackend.builder(BackendKind.OPENAI_API).models(GPT).build();
        anthropic = SimulatedBackend.builder(BackendKind.ANTHROPIC).models(CLAUDE).build();
        gemini = SimulatedBackend.builder(BackendKind.GEMINI).models(GEMINI).build();
        azure = SimulatedBackend.builder(BackendKind.AZURE_OPENAI).models(AZURE_DEPLOYMENT).build();
        for (SimulatedBackend backend : backends()) {
            backend.setChatScript(script);
        }
    }

    HostedFleet start(Path dir) throws Exception {
        try {
            backends().forEach(SimulatedBackend::start);
            proxy = EmbeddedSluice.start(Files.writeString(dir.resolve("config.yaml"), config()));
            awaitEveryModel();
            return this;
        } catch (Exception | AssertionError e) {
            close();
            throw e;
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + proxy.port() + path;
    }

    SimulatedBackend openai() {
        return openai;
    }

    SimulatedBackend anthropic() {
        return anthropic;
    }

    SimulatedBackend gemini() {
        return gemini;
    }

    SimulatedBackend azure() {
        return azure;
    }

    private List<SimulatedBackend> backends() {
        return List.of(openai, anthropic, gemini, azure);
    }

    private String config() {
        String key = HostedApiKey.VALUE;
        return """
                server:
                  port: 0
                  request_logging: false
                  rate_limits:
                    per_ip_requests_per_minute: 0   # one test client sends everything
                discovery:
                  static:
                    endpoints:
                      - url: "%s/v1"
                        name: openai
                        type: openai-api
                        auth: {token: "%s"}
                        check_interval: 1s
                        check_timeout: 800ms
                      - url: "%s"
                        name: anthropic
                        type: anthropic
                        auth: {key: "%s"}
                        check_interval: 1s
                        check_timeout: 800ms
                      - url: "%s"
                        name: gemini
                        type: gemini
                        auth: {key: "%s"}
                        provider: {api: native}
                        check_interval: 1s
                        check_timeout: 800ms
                      - url: "%s"
                        name: azure
                        type: azure-openai
                        auth: {key: "%s"}
                        provider:
                          deployments:
                            %s: %s
                        check_interval: 1s
                        check_timeout: 800ms
                """.formatted(openai.baseUri(), key, anthropic.baseUri(), key, gemini.baseUri(), key,
                azure.baseUri(), key, "\"" + AZURE_MODEL + "\"", AZURE_DEPLOYMENT);
    }

    private void awaitEveryModel() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        await("every hosted endpoint routable and " + MODELS + " catalogued").atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(50)).ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> JSON.readTree(get(http, "/internal/status/endpoints")).path("routable_count").asInt() == 4
                        && MODELS.stream().allMatch(get(http, "/olla/models")::contains));
    }

    private String get(HttpClient http, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    @Override
    public void close() {
        try {
            if (proxy != null) {
                proxy.close();
            }
        } finally {
            backends().forEach(SimulatedBackend::close);
        }
    }
}
