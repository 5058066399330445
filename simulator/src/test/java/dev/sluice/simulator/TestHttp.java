package dev.sluice.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;

/**
 * A Jetty client for tests: every call has a timeout, so a broken simulator fails a test instead of hanging
 * the build. One per test class; close it in {@code @AfterAll}.
 */
final class TestHttp implements AutoCloseable {

    static final long TIMEOUT_SECONDS = 5;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = new HttpClient();

    TestHttp() {
        try {
            client.setFollowRedirects(false);
            client.start();
        } catch (Exception e) {
            throw new IllegalStateException("test HTTP client did not start", e);
        }
    }

    HttpClient client() {
        return client;
    }

    Request request(SimulatedBackend backend, String path) {
        return client.newRequest(backend.baseUri().resolve(path)).timeout(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    ContentResponse get(SimulatedBackend backend, String path) throws Exception {
        return request(backend, path).send();
    }

    ContentResponse get(URI uri) throws Exception {
        return client.newRequest(uri).timeout(TIMEOUT_SECONDS, TimeUnit.SECONDS).send();
    }

    static JsonNode json(ContentResponse response) throws Exception {
        return JSON.readTree(response.getContentAsString());
    }

    JsonNode getJson(SimulatedBackend backend, String path) throws Exception {
        return json(get(backend, path));
    }

    @Override
    public void close() {
        try {
            client.stop();
        } catch (Exception e) {
            throw new IllegalStateException("test HTTP client did not stop", e);
        }
    }
}
