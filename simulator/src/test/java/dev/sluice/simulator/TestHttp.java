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
            // Hosted APIs answer 401 without a challenge; the client must hand such answers to the test as they are.
            client.getProtocolHandlers().remove(org.eclipse.jetty.client.WWWAuthenticationProtocolHandler.NAME);
        } catch (Exception e) {
            throw new IllegalStateException("test HTTP client did not start", e);
        }
    }

    HttpClient client() {
        return client;
    }

    /** A request with the credentials a hosted kind insists on; the local kinds get none. */
    Request request(SimulatedBackend backend, String path) {
        Request request = client.newRequest(backend.baseUri().resolve(path)).timeout(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        return withCredentials(backend.kind(), request);
    }

    static Request withCredentials(BackendKind kind, Request request) {
        String key = HostedApiKey.VALUE;
        switch (kind) {
            case OPENAI_API:
                return request.headers(h -> h.put("Authorization", "Bearer " + key));
            case ANTHROPIC:
                return request.headers(h -> h.put("x-api-key", key).put("anthropic-version", "2023-06-01"));
            case GEMINI:
                return request.headers(h -> h.put("x-goog-api-key", key));
            case AZURE_OPENAI:
                return request.headers(h -> h.put("api-key", key)).param("api-version", "2024-10-21");
            default:
                return request;
        }
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
