package dev.sluice.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.simulator.ChatScript;
import dev.sluice.simulator.HostedApiKey;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Figures, not a timing assertion: the time to the first token of a streamed answer from each simulated hosted
 * provider, asked directly in its own protocol and through the proxy in another one (so translated), median and
 * 90th percentile over 40 requests after 10 warm-up ones. The added latency of a translation is the difference.
 * The test fails only if a stream does not deliver its first token.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class TranslationFirstTokenFigures {

    private static final int WARM_UP = 10;
    private static final int RUNS = 40;
    private static final ChatScript SCRIPT = new ChatScript(5, Duration.ofMillis(5));
    private static final String OPENAI_BODY = "{\"model\":\"%s\",\"stream\":true,\"messages\":[{\"role\":\"user\","
            + "\"content\":\"Say something about a fox.\"}]}";
    private static final String ANTHROPIC_BODY = "{\"model\":\"%s\",\"max_tokens\":256,\"stream\":true,\"messages\":"
            + "[{\"role\":\"user\",\"content\":\"Say something about a fox.\"}]}";
    private static final String OLLAMA_BODY = "{\"model\":\"%s\",\"messages\":[{\"role\":\"user\",\"content\":"
            + "\"Say something about a fox.\"}]}";
    private static final String GEMINI_BODY = "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":"
            + "\"Say something about a fox.\"}]}]}";

    private HostedFleet fleet;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        fleet = new HostedFleet(SCRIPT).start(dir);
    }

    @AfterAll
    void stop() {
        if (fleet != null) {
            fleet.close();
        }
    }

    @Test
    void printFirstTokenFigures() throws Exception {
        String key = HostedApiKey.VALUE;
        Map<String, HttpRequest> cases = new LinkedHashMap<>();
        cases.put("openai-api direct (OpenAI chat)", post(fleet.openai().baseUri() + "/v1/chat/completions",
                OPENAI_BODY.formatted(HostedFleet.GPT), "Authorization", "Bearer " + key));
        cases.put("  Ollama /api/chat -> openai-api", post(fleet.url("/api/chat"), OLLAMA_BODY.formatted(HostedFleet.GPT)));
        cases.put("  Anthropic SDK route -> openai-api", post(fleet.url("/olla/anthropic/v1/messages"),
                ANTHROPIC_BODY.formatted(HostedFleet.GPT)));
        cases.put("anthropic direct (Messages)", post(fleet.anthropic().baseUri() + "/v1/messages",
                ANTHROPIC_BODY.formatted(HostedFleet.CLAUDE), "x-api-key", key, "anthropic-version", "2023-06-01"));
        cases.put("  Ollama /api/chat -> anthropic", post(fleet.url("/api/chat"), OLLAMA_BODY.formatted(HostedFleet.CLAUDE)));
        cases.put("  OpenAI route -> anthropic", post(fleet.url("/olla/openai/v1/chat/completions"),
                OPENAI_BODY.formatted(HostedFleet.CLAUDE)));
        cases.put("gemini direct (streamGenerateContent)", post(fleet.gemini().baseUri()
                + "/v1beta/models/" + HostedFleet.GEMINI + ":streamGenerateContent?alt=sse", GEMINI_BODY,
                "x-goog-api-key", key));
        cases.put("  Ollama /api/chat -> gemini", post(fleet.url("/api/chat"), OLLAMA_BODY.formatted(HostedFleet.GEMINI)));
        cases.put("  OpenAI route -> gemini", post(fleet.url("/olla/openai/v1/chat/completions"),
                OPENAI_BODY.formatted(HostedFleet.GEMINI)));
        cases.put("  Anthropic route -> gemini", post(fleet.url("/olla/anthropic/v1/messages"),
                ANTHROPIC_BODY.formatted(HostedFleet.GEMINI)));
        cases.put("azure-openai direct (deployment)", post(fleet.azure().baseUri() + "/openai/deployments/"
                + HostedFleet.AZURE_DEPLOYMENT + "/chat/completions?api-version=2024-10-21",
                OPENAI_BODY.formatted(HostedFleet.AZURE_DEPLOYMENT), "api-key", key));
        cases.put("  Ollama /api/chat -> azure-openai", post(fleet.url("/api/chat"),
                OLLAMA_BODY.formatted(HostedFleet.AZURE_MODEL)));
        cases.put("  Anthropic route -> azure-openai", post(fleet.url("/olla/anthropic/v1/messages"),
                ANTHROPIC_BODY.formatted(HostedFleet.AZURE_MODEL)));

        StringBuilder report = new StringBuilder("\nTime to first token, streamed, ").append(RUNS)
                .append(" runs (median / p90, ms):\n");
        for (Map.Entry<String, HttpRequest> entry : cases.entrySet()) {
            for (int i = 0; i < WARM_UP; i++) {
                firstToken(entry.getValue());
            }
            List<Double> millis = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                millis.add(firstToken(entry.getValue()));
            }
            Collections.sort(millis);
            report.append(String.format("  %-42s %6.2f / %6.2f%n", entry.getKey(), millis.get(RUNS / 2),
                    millis.get(RUNS * 9 / 10)));
        }
        System.out.println(report);
    }

    /** Milliseconds from sending to the first line that carries the first token, then reads the stream out. */
    private double firstToken(HttpRequest request) throws Exception {
        long sent = System.nanoTime();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).as(request.uri().toString()).isEqualTo(200);
        double first = -1;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (first < 0 && line.contains(":\"The\"")) {
                    first = (System.nanoTime() - sent) / 1e6;
                }
            }
        }
        assertThat(first).as("first token from " + request.uri()).isPositive();
        return first;
    }

    private static HttpRequest post(String uri, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return request.build();
    }
}
