package dev.sluice.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.adapters.config.Configuration;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** The real proxy started in-process on a free port from a YAML string, with a small HTTP client for tests. */
final class RunningProxy implements AutoCloseable {

    final SluiceApp app;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json = new ObjectMapper();

    private RunningProxy(SluiceApp app) {
        this.app = app;
    }

    static RunningProxy start(Path dir, String yaml) throws Exception {
        return start(dir, yaml, true);
    }

    static RunningProxy start(Path dir, String yaml, boolean metricsEnabled) throws Exception {
        Path config = dir.resolve("config-" + System.nanoTime() + ".yaml");
        Files.writeString(config, yaml);
        SluiceApp app = new SluiceApp(Configuration.load(Optional.of(config), Map.of(), dir), metricsEnabled);
        app.start();
        return new RunningProxy(app);
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + app.port() + path);
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode json(HttpResponse<String> response) throws IOException {
        return json.readTree(response.body());
    }

    JsonNode endpointStatus(String name) throws IOException, InterruptedException {
        for (JsonNode e : json(get("/internal/status/endpoints")).get("endpoints")) {
            if (e.get("name").asText().equals(name)) {
                return e;
            }
        }
        throw new AssertionError("no endpoint " + name);
    }

    static String endpoint(String name, URI url, String type, String... extra) {
        StringBuilder out = new StringBuilder();
        out.append("      - url: \"").append(url).append("\"\n");
        out.append("        name: \"").append(name).append("\"\n");
        out.append("        type: \"").append(type).append("\"\n");
        out.append("        check_interval: 1s\n");
        out.append("        check_timeout: 800ms\n");
        for (String line : extra) {
            out.append("        ").append(line).append('\n');
        }
        return out.toString();
    }

    static String config(String extraTopLevel, String... endpoints) {
        // Tests send many requests from one address: rate limits have their own test.
        return "server:\n  port: 0\n  request_logging: false\n  rate_limits:\n    per_ip_requests_per_minute: 0\n"
                + extraTopLevel
                + "discovery:\n  static:\n    endpoints:\n" + String.join("", endpoints);
    }

    @Override
    public void close() {
        app.close();
    }
}
