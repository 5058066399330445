package dev.sluice.soak;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;

/**
 * The proxy's status API, read as an operator would: is it up, which endpoints are healthy, are leases released.
 * Every call fails soft (false or empty) because it is polled while the proxy starts.
 */
final class ProxyStatus {

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration POLL_EVERY = Duration.ofMillis(100);

    private final HttpClient http;
    private final URI base;
    private final ObjectMapper json;

    ProxyStatus(HttpClient http, URI base, ObjectMapper json) {
        this.http = requireNonNull(http, "http");
        this.base = requireNonNull(base, "base");
        this.json = requireNonNull(json, "json");
    }

    boolean live() {
        return get("/internal/health") != null;
    }

    /** Every endpoint, or an empty list when the status route does not answer. */
    List<EndpointState> endpoints() {
        String body = get("/internal/status/endpoints");
        List<EndpointState> states = new ArrayList<>();
        if (body == null) {
            return states;
        }
        try {
            for (JsonNode e : json.readTree(body).path("endpoints")) {
                states.add(new EndpointState(e.path("name").asText(), e.path("status").asText(),
                        e.path("active_connections").asLong()));
            }
        } catch (IOException e) {
            states.clear();
        }
        return states;
    }

    boolean catalogues(String model) {
        String body = get("/olla/models");
        return body != null && body.contains('"' + model + '"');
    }

    /** Polls until the condition holds or the wait is over; true if it held. */
    static boolean await(Duration max, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (true) {
            if (condition.getAsBoolean()) {
                return true;
            }
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            Thread.sleep(POLL_EVERY.toMillis());
        }
    }

    private String get(String path) {
        try {
            ContentResponse response = http.newRequest(base.resolve(path))
                    .timeout(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).send();
            return response.getStatus() == 200 ? response.getContentAsString() : null;
        } catch (ExecutionException | TimeoutException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
