package dev.sluice.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sluice.bootstrap.EmbeddedSluice;
import dev.sluice.simulator.ChatScript;
import dev.sluice.simulator.SimulatedBedrock;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What translating to Bedrock adds to a streamed answer's time to first token: the same ConverseStream answer read
 * straight from the simulated Bedrock (its first text event) and through the proxy on each front end (the first
 * text chunk in the caller's dialect, SigV4 signing and event-stream decoding included). Prints the figures; asserts
 * only that every stream carried its first word, never a timing.
 */
@Timeout(120)
class BedrockTranslationLatencyTest {

    private static final String MODEL = "amazon.nova-micro-v1:0";
    private static final int WARMUP = 100;
    private static final int RUNS = 300;
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void timeToFirstToken_directAndThroughEachFrontEnd(@TempDir Path dir) throws Exception {
        try (SimulatedBedrock bedrock = new SimulatedBedrock("AKIDLAT", "us-east-1", List.of(MODEL))) {
            bedrock.setChatScript(new ChatScript(20, Duration.ZERO));
            Path config = Files.writeString(dir.resolve("config.yaml"), "server:\n  port: 0\n  request_logging: false\n"
                    // Hundreds of requests from one address: the per-address limit would refuse most of them.
                    + "  rate_limits:\n    per_ip_requests_per_minute: 0\n"
                    + "discovery:\n  static:\n    endpoints:\n      - url: \"" + bedrock.baseUri() + "\"\n"
                    + "        name: bedrock\n        type: bedrock\n        provider:\n          region: us-east-1\n"
                    + "          access_key_id: AKIDLAT\n          secret_access_key: latency-secret\n");
            try (EmbeddedSluice proxy = EmbeddedSluice.start(config)) {
                String base = "http://127.0.0.1:" + proxy.port();
                await().atMost(Duration.ofSeconds(30)).until(() -> http.send(HttpRequest.newBuilder(
                        URI.create(base + "/api/tags")).build(), HttpResponse.BodyHandlers.ofString()).body().contains(MODEL));
                String converse = "{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"hi\"}]}]}";
                String user = "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]";
                List<Probe> probes = List.of(
                        new Probe("Bedrock directly (ConverseStream)", () -> signed(bedrock.baseUri()
                                + "/model/amazon.nova-micro-v1%3A0/converse-stream", converse), "\"text\":\"The\""),
                        new Probe("OpenAI chat -> Bedrock", () -> post(base + "/olla/openai/v1/chat/completions",
                                "{\"model\":\"" + MODEL + "\",\"stream\":true," + user + "}"), "\"content\":\"The\""),
                        new Probe("Anthropic Messages -> Bedrock", () -> post(base + "/olla/anthropic/v1/messages",
                                "{\"model\":\"" + MODEL + "\",\"max_tokens\":50,\"stream\":true," + user + "}"),
                                "\"text\":\"The\""),
                        new Probe("Ollama /api/chat -> Bedrock", () -> post(base + "/api/chat",
                                "{\"model\":\"" + MODEL + "\"," + user + "}"), "\"content\":\"The\""));
                // Round-robin, so that every probe meets the same JIT state and the same load from other processes.
                long[][] micros = new long[probes.size()][RUNS];
                for (int round = 0; round < WARMUP + RUNS; round++) {
                    for (int p = 0; p < probes.size(); p++) {
                        long took = probes.get(p).once();
                        if (round >= WARMUP) {
                            micros[p][round - WARMUP] = took;
                        }
                    }
                }
                long[] direct = micros[0];
                for (int p = 0; p < probes.size(); p++) {
                    Probe probe = probes.get(p);
                    System.out.printf(Locale.ROOT, "TTFT %-34s median %6d us  p90 %6d us  added (median) %6d us%n",
                            probe.name, percentile(micros[p], 50), percentile(micros[p], 90),
                            percentile(micros[p], 50) - percentile(direct, 50));
                }
            }
        }
    }

    private HttpRequest post(String url, String body) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    // The shape of a SigV4 request (the simulator checks the shape unless a test plugs in the secret's check).
    private HttpRequest signed(String url, String body) {
        String date = ZonedDateTime.now(ZoneOffset.UTC).format(AMZ_DATE);
        String hash;
        try {
            hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).header("X-Amz-Date", date)
                .header("x-amz-content-sha256", hash).header("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDLAT/"
                        + date.substring(0, 8) + "/us-east-1/bedrock/aws4_request, SignedHeaders=host;"
                        + "x-amz-content-sha256;x-amz-date, Signature=" + "0123456789abcdef".repeat(4))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static long percentile(long[] values, int p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, sorted.length * p / 100)];
    }

    private final class Probe {
        final String name;
        final java.util.function.Supplier<HttpRequest> request;
        final byte[] marker;

        Probe(String name, java.util.function.Supplier<HttpRequest> request, String marker) {
            this.name = name;
            this.request = request;
            this.marker = marker.getBytes(StandardCharsets.UTF_8);
        }

        // From sending the request to reading the first word's bytes; the rest of the stream is then drained.
        private long once() throws IOException, InterruptedException {
            long start = System.nanoTime();
            HttpResponse<InputStream> response = http.send(request.get(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                byte[] seen = new byte[0];
                byte[] buffer = new byte[8192];
                int n;
                while ((n = body.read(buffer)) > 0) {
                    seen = Arrays.copyOf(seen, seen.length + n);
                    System.arraycopy(buffer, 0, seen, seen.length - n, n);
                    if (contains(seen, marker)) {
                        long took = (System.nanoTime() - start) / 1000;
                        body.transferTo(java.io.OutputStream.nullOutputStream());
                        return took;
                    }
                }
            }
            assertThat(response.statusCode()).as(name).isEqualTo(200);
            throw new AssertionError(name + ": the stream ended without its first word");
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
