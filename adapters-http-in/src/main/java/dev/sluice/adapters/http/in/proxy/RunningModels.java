package dev.sluice.adapters.http.in.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.domain.endpoint.Endpoint;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.jetty.client.CompletableResponseListener;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ollama's {@code /api/ps} across the fleet: asks every healthy Ollama what it has loaded, at the same time, and
 * answers with all of them (Olla forwards it to whichever one the balancer picks). An endpoint that fails or is
 * slow is left out rather than failing the whole answer.
 */
final class RunningModels {

    private static final Logger LOG = LoggerFactory.getLogger(RunningModels.class);
    private static final int MAX_ANSWER = 1 << 20;
    private static final long TIMEOUT_MS = 5_000;

    private final Supplier<HttpClient> client;
    private final ObjectMapper json;

    RunningModels(Supplier<HttpClient> client, ObjectMapper json) {
        this.client = client;
        this.json = json;
    }

    void answer(List<Endpoint> endpoints, HttpServletResponse response, AsyncContext async) {
        List<CompletableFuture<JsonNode>> answers = endpoints.stream().map(this::ask).toList();
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).whenComplete((ignored, failure) -> {
            ObjectNode body = json.createObjectNode();
            ArrayNode models = body.putArray("models");
            for (CompletableFuture<JsonNode> answer : answers) {
                JsonNode node = answer.getNow(null);
                if (node != null && node.path("models").isArray()) {
                    node.get("models").forEach(models::add);
                }
            }
            try {
                byte[] bytes = json.writeValueAsBytes(body);
                response.setStatus(200);
                response.setContentType("application/json");
                response.setContentLength(bytes.length);
                response.getOutputStream().write(bytes);
            } catch (IOException e) {
                LOG.debug("client left before /api/ps was answered: {}", e.toString());
            } finally {
                async.complete();
            }
        });
    }

    private CompletableFuture<JsonNode> ask(Endpoint endpoint) {
        var request = client.get().newRequest(UpstreamTarget.of(endpoint, "/api/ps", java.util.Optional.empty()))
                .timeout(TIMEOUT_MS, TimeUnit.MILLISECONDS)
                .headers(h -> endpoint.outboundHeaders().forEach(h::put));
        return new CompletableResponseListener(request, MAX_ANSWER).send()
                .thenApply(this::parse)
                .exceptionally(failure -> {
                    LOG.debug("/api/ps on {} failed: {}", endpoint.name(), failure.toString());
                    return null;
                });
    }

    private JsonNode parse(ContentResponse response) {
        if (response.getStatus() != 200) {
            return null;
        }
        try {
            return json.readTree(response.getContent());
        } catch (IOException e) {
            return null;
        }
    }
}
