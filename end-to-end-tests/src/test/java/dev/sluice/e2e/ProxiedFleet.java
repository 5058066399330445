package dev.sluice.e2e;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.bootstrap.EmbeddedSluice;
import dev.sluice.simulator.SimulatedBackend;
import dev.sluice.simulator.SimulatedModel;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Simulated backends behind one real proxy, as a user would run them: the proxy reads an Olla config file naming
 * each backend, and clients reach the backends only through the proxy's port. One per test class; closing it stops
 * the proxy first, so nothing it still holds points at a backend that is already gone.
 */
final class ProxiedFleet implements AutoCloseable {

    /** Longest wait, after the proxy starts, for every endpoint to be routable and every model catalogued. */
    private static final Duration READY_DEADLINE = Duration.ofSeconds(15);
    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<SimulatedBackend> backends;
    private final EmbeddedSluice proxy;

    private ProxiedFleet(List<SimulatedBackend> backends, EmbeddedSluice proxy) {
        this.backends = List.copyOf(backends);
        this.proxy = proxy;
    }

    /**
     * Starts every backend, then the proxy with one static endpoint per backend (named as the backend, typed by
     * its kind), and returns once every endpoint is routable and the catalogue lists every simulated model.
     *
     * @param dir where the config file is written; the caller owns and deletes it
     */
    static ProxiedFleet start(Path dir, SimulatedBackend.Builder... builders) throws Exception {
        List<SimulatedBackend> started = new ArrayList<>();
        EmbeddedSluice proxy = null;
        try {
            for (SimulatedBackend.Builder builder : builders) {
                started.add(builder.start());
            }
            Path config = Files.writeString(dir.resolve("config.yaml"), config(started));
            proxy = EmbeddedSluice.start(config);
            ProxiedFleet fleet = new ProxiedFleet(started, proxy);
            fleet.awaitEveryEndpointRoutable();
            return fleet;
        } catch (Exception | AssertionError e) {
            // @AfterAll sees no fleet when this throws, so nothing started here may outlive the failure.
            if (proxy != null) {
                proxy.close();
            }
            started.forEach(SimulatedBackend::close);
            throw e;
        }
    }

    /** An address on the proxy, e.g. {@code url("/olla/openai/v1")}. */
    String url(String path) {
        return "http://127.0.0.1:" + proxy.port() + path;
    }

    SimulatedBackend backend(String name) {
        return backends.stream().filter(b -> b.name().equals(name)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no backend named " + name));
    }

    /** Requests that reached one backend on this exact path since the fleet started. */
    long requestsTo(String backendName, String path) {
        return backend(backendName).requestCount(path);
    }

    @Override
    public void close() {
        try {
            proxy.close();
        } finally {
            backends.forEach(SimulatedBackend::close);
        }
    }

    // EmbeddedSluice returns after the first health and discovery round; on a loaded machine a check can miss its
    // timeout and an endpoint start out unroutable. Waiting here keeps that from surfacing as a misleading SDK
    // failure in whichever test runs first.
    private void awaitEveryEndpointRoutable() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(HTTP_TIMEOUT).build();
        List<String> names = backends.stream().flatMap(b -> b.models().stream()).map(SimulatedModel::name).toList();
        await("every endpoint routable and every model " + names + " in the catalogue")
                .atMost(READY_DEADLINE).pollInterval(Duration.ofMillis(50))
                .ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> routableCount(http) == backends.size() && cataloguesEvery(http, names));
    }

    private int routableCount(HttpClient http) throws IOException, InterruptedException {
        return JSON.readTree(get(http, "/internal/status/endpoints")).path("routable_count").asInt();
    }

    private boolean cataloguesEvery(HttpClient http, List<String> names) throws IOException, InterruptedException {
        String catalogue = get(http, "/olla/models");
        return names.stream().allMatch(name -> catalogue.contains('"' + name + '"'));
    }

    private String get(HttpClient http, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url(path))).timeout(HTTP_TIMEOUT).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String config(List<SimulatedBackend> backends) {
        StringBuilder yaml = new StringBuilder("""
                server:
                  port: 0
                  request_logging: false
                discovery:
                  static:
                    endpoints:
                """);
        for (SimulatedBackend backend : backends) {
            yaml.append("      - url: \"").append(backend.baseUri()).append("\"\n")
                    .append("        name: \"").append(backend.name()).append("\"\n")
                    .append("        type: \"").append(backend.kind().cliName()).append("\"\n")
                    .append("        check_interval: 1s\n")
                    .append("        check_timeout: 800ms\n");
        }
        return yaml.toString();
    }
}
