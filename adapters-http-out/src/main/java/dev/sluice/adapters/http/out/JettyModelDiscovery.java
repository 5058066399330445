package dev.sluice.adapters.http.out;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.sluice.application.port.out.ModelDiscovery;
import dev.sluice.application.port.out.ModelDiscoveryException;
import dev.sluice.domain.endpoint.Endpoint;
import dev.sluice.domain.model.DiscoveredModel;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.CompletableResponseListener;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;

/**
 * Fetches an endpoint's model list and reads it with the parser its profile's {@code response_format} names.
 *
 * <p>The answer is buffered whole by Jetty's {@link CompletableResponseListener}, capped at the configured size:
 * Jetty refuses an over-long {@code Content-Length} at the headers and aborts a body that grows past the cap, so
 * a runaway answer never holds more than the cap in memory.
 */
final class JettyModelDiscovery implements ModelDiscovery {

    private final HttpClient client;
    private final ModelListParsers parsers;
    private final Duration timeout;
    private final int maxBytes;
    private final String userAgent;
    private final ObjectMapper json;

    JettyModelDiscovery(HttpClient client, ModelListParsers parsers, HttpOutSettings settings) {
        this.client = Objects.requireNonNull(client, "client");
        this.parsers = Objects.requireNonNull(parsers, "parsers");
        this.timeout = settings.discoveryTimeout();
        // HttpOutSettings keeps the cap within int range.
        this.maxBytes = (int) settings.maxDiscoveryBytes();
        this.userAgent = "sluice-Discovery/" + settings.version();
        // Trailing garbage after the JSON means we are not reading what we think we are.
        this.json = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    }

    @Override
    public CompletableFuture<List<DiscoveredModel>> discover(Endpoint endpoint) {
        if (!endpoint.provider().deployments().isEmpty()) {
            // Azure: a deployment is what a request can reach, and only the config knows which model each serves.
            return CompletableFuture.completedFuture(endpoint.provider().deployments().keySet().stream().sorted()
                    .map(model -> new ModelDraft(model).build()).toList());
        }
        CompletableFuture<List<DiscoveredModel>> models = new CompletableFuture<>();
        ModelListParser parser = parsers.forFormat(endpoint.profile().responseFormat());
        try {
            Request request = client.newRequest(endpoint.modelUrl())
                    .method(HttpMethod.GET)
                    .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .headers(headers -> {
                        headers.put(HttpHeader.USER_AGENT, userAgent);
                        headers.put(HttpHeader.ACCEPT, "application/json");
                        OutboundHeaders.addEndpointHeaders(headers, endpoint, endpoint.modelUrl());
                    });
            new CompletableResponseListener(request, maxBytes).send().whenComplete((response, failure) -> {
                // Completing explicitly (not by throwing from a stage) keeps the exception unwrapped, as the
                // port promises: callers see ModelDiscoveryException itself, not a CompletionException.
                if (failure != null) {
                    models.completeExceptionally(transportFailure(failure));
                    return;
                }
                try {
                    models.complete(read(response, parser, endpoint));
                } catch (ModelDiscoveryException e) {
                    models.completeExceptionally(e);
                } catch (RuntimeException e) {
                    models.completeExceptionally(new ModelDiscoveryException("cannot read model list: " + e, e));
                }
            });
        } catch (RuntimeException e) {
            models.completeExceptionally(new ModelDiscoveryException(
                    "cannot ask for model list: " + TransportFailures.reason(e, timeout), e));
        }
        return models;
    }

    private List<DiscoveredModel> read(ContentResponse response, ModelListParser parser, Endpoint endpoint) {
        int status = response.getStatus();
        if (status == 401 || status == 403) {
            throw new ModelDiscoveryException("model list request answered HTTP " + status + ": check "
                    + endpoint.provider().credentialHint());
        }
        if (status < 200 || status > 299) {
            throw new ModelDiscoveryException("model list request answered HTTP " + status);
        }
        byte[] body = response.getContent();
        if (body.length == 0) {
            throw new ModelDiscoveryException("answer is empty");
        }
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException e) {
            throw new ModelDiscoveryException("answer is not JSON (" + mediaTypeOf(response) + ")");
        } catch (IOException e) {
            throw new ModelDiscoveryException("cannot read answer: " + e.getMessage(), e);
        }
        if (root == null || !(root.isObject() || root.isArray())) {
            throw new ModelDiscoveryException("no model list in answer");
        }
        return parser.parse(root);
    }

    private ModelDiscoveryException transportFailure(Throwable failure) {
        Throwable cause = TransportFailures.unwrap(failure);
        // Jetty's buffering listener aborts with this exception type when the Content-Length or the body
        // exceeds its capacity; nothing else on this path raises it.
        if (cause instanceof IllegalArgumentException) {
            return new ModelDiscoveryException("answer larger than " + Sizes.describe(maxBytes), cause);
        }
        return new ModelDiscoveryException("cannot fetch model list: " + TransportFailures.reason(cause, timeout),
                cause);
    }

    private static String mediaTypeOf(ContentResponse response) {
        String contentType = response.getHeaders().get(HttpHeader.CONTENT_TYPE);
        if (contentType == null || contentType.isBlank()) {
            return "no content type";
        }
        int parameters = contentType.indexOf(';');
        return (parameters < 0 ? contentType : contentType.substring(0, parameters)).trim();
    }
}
