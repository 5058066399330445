package dev.sluice.bootstrap;

import dev.sluice.simulator.BackendKind;
import dev.sluice.simulator.ChatScript;
import dev.sluice.simulator.SimulatedBackend;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prints what translation costs on a streamed answer, next to passthrough, on one simulated llama.cpp that serves
 * both {@code /v1/messages} (passthrough) and {@code /v1/chat/completions} (translated, with passthrough switched
 * off on a second proxy). For each path: time to the first text delta and time per further event, measured by a
 * client reading lines as they arrive, with the backend called directly as the baseline. A benchmark, not a test:
 * run its {@code main} (see README, "Anthropic translation latency"); nothing here asserts a time.
 */
public final class AnthropicLatencyBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(AnthropicLatencyBenchmark.class);
    private static final String MODEL = "bench-model.gguf";
    private static final String ANTHROPIC = "{\"model\":\"" + MODEL + "\",\"max_tokens\":4096,\"stream\":true,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"Tell a long story.\"}]}";
    private static final String OPENAI = "{\"model\":\"" + MODEL + "\",\"max_tokens\":4096,\"stream\":true,"
            + "\"stream_options\":{\"include_usage\":true},\"messages\":[{\"role\":\"user\",\"content\":\"Tell a long story.\"}]}";

    private AnthropicLatencyBenchmark() {
    }

    /** One streamed answer as the client saw it. */
    record Sample(long firstTokenNanos, long totalNanos, int tokenEvents) {
        double perEventMicros() {
            return tokenEvents <= 1 ? 0 : (totalNanos - firstTokenNanos) / 1000.0 / (tokenEvents - 1);
        }
    }

    public static void main(String[] args) throws Exception {
        int chunks = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        Path dir = Files.createTempDirectory("anthropic-bench");
        try (SimulatedBackend backend = SimulatedBackend.builder(BackendKind.LLAMACPP).name("llamacpp").models(MODEL).start()) {
            backend.setChatScript(new ChatScript(chunks, Duration.ZERO));
            String endpoint = RunningProxy.endpoint("llamacpp", backend.baseUri(), "llamacpp");
            try (RunningProxy passthrough = RunningProxy.start(dir, RunningProxy.config("", endpoint));
                 RunningProxy translation = RunningProxy.start(dir, RunningProxy.config(
                         "translators:\n  anthropic:\n    passthrough_enabled: false\n", endpoint))) {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                URI directMessages = backend.baseUri().resolve("/v1/messages");
                URI directChat = backend.baseUri().resolve("/v1/chat/completions");
                URI viaPassthrough = passthrough.uri("/olla/anthropic/v1/messages");
                URI viaTranslation = translation.uri("/olla/anthropic/v1/messages");
                // Warm every path (JIT, pools) before timing anything.
                for (int i = 0; i < Math.max(50, runs / 2); i++) {
                    sample(http, directMessages, ANTHROPIC, "text_delta");
                    sample(http, directChat, OPENAI, "\"content\":\"");
                    sample(http, viaPassthrough, ANTHROPIC, "text_delta");
                    sample(http, viaTranslation, ANTHROPIC, "text_delta");
                }
                List<Sample> dm = new ArrayList<>();
                List<Sample> dc = new ArrayList<>();
                List<Sample> pt = new ArrayList<>();
                List<Sample> tr = new ArrayList<>();
                // Interleaved, so drift in machine load falls on every path alike.
                for (int i = 0; i < runs; i++) {
                    dm.add(sample(http, directMessages, ANTHROPIC, "text_delta"));
                    dc.add(sample(http, directChat, OPENAI, "\"content\":\""));
                    pt.add(sample(http, viaPassthrough, ANTHROPIC, "text_delta"));
                    tr.add(sample(http, viaTranslation, ANTHROPIC, "text_delta"));
                }
                StringBuilder report = new StringBuilder();
                report.append(String.format("%nstreamed answer of %d text events, %d runs per path (median / p90)%n",
                        chunks, runs));
                report.append(String.format("%-44s %22s %24s%n", "path", "first text delta (ms)", "per further event (us)"));
                row(report, "direct llama.cpp /v1/messages", dm);
                row(report, "direct llama.cpp /v1/chat/completions", dc);
                row(report, "proxy, passthrough (/v1/messages)", pt);
                row(report, "proxy, translation (chat -> Anthropic)", tr);
                report.append(String.format("added by the proxy: passthrough %+.3f ms / %+.2f us per event; "
                                + "translation %+.3f ms / %+.2f us per event%n",
                        ms(median(pt, true) - median(dm, true)), median(pt, false) - median(dm, false),
                        ms(median(tr, true) - median(dc, true)), median(tr, false) - median(dc, false)));
                LOG.info(report.toString());
                System.err.println(report);
            }
        }
    }

    private static void row(StringBuilder out, String name, List<Sample> samples) {
        out.append(String.format("%-44s %10.3f / %9.3f %12.2f / %9.2f%n", name, ms(median(samples, true)),
                ms(percentile(samples, true, 0.9)), median(samples, false), percentile(samples, false, 0.9)));
    }

    private static double ms(double nanos) {
        return nanos / 1_000_000.0;
    }

    private static double median(List<Sample> samples, boolean firstToken) {
        return percentile(samples, firstToken, 0.5);
    }

    private static double percentile(List<Sample> samples, boolean firstToken, double p) {
        List<Double> values = new ArrayList<>();
        for (Sample s : samples) {
            values.add(firstToken ? (double) s.firstTokenNanos() : s.perEventMicros());
        }
        Collections.sort(values);
        return values.get(Math.min(values.size() - 1, (int) Math.floor(p * values.size())));
    }

    private static Sample sample(HttpClient http, URI uri, String body, String tokenMarker) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        long sent = System.nanoTime();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        long first = -1;
        int tokens = 0;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("data:") && line.contains(tokenMarker) && !line.contains("\"content\":\"\"")) {
                    if (first < 0) {
                        first = System.nanoTime() - sent;
                    }
                    tokens++;
                }
            }
        }
        if (response.statusCode() != 200 || first < 0) {
            throw new IllegalStateException(uri + " answered " + response.statusCode() + " with no text");
        }
        return new Sample(first, System.nanoTime() - sent, tokens);
    }
}
