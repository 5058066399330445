package dev.sluice.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The LiteLLM proxy (FastAPI): a gateway to hosted models. {@code /health} reports each upstream deployment,
 * the liveness and readiness probes answer without touching upstreams, and models are listed at both
 * {@code /v1/models} and {@code /models}.
 */
final class LiteLlmPlatform implements Platform {

    static final String VERSION = "1.74.9";

    @Override
    public WebStack stack() {
        return WebStack.UVICORN;
    }

    @Override
    public RouteTable routes() {
        Route models = OpenAiModel.listRoute("openai");
        Route chat = new OpenAiChatRoute();
        Route embeddings = new OpenAiEmbeddingsRoute();
        Route alive = exchange -> exchange.json(200, exchange.newObject().textNode("I'm alive!"));
        return RouteTable.builder()
                .get("/health", LiteLlmPlatform::health)
                .get("/health/liveliness", alive)
                .get("/health/liveness", alive)
                .get("/health/readiness", LiteLlmPlatform::readiness)
                .get("/v1/models", models)
                .get("/models", models)
                .post("/v1/chat/completions", chat)
                .post("/chat/completions", chat)
                .post("/v1/embeddings", embeddings)
                .post("/embeddings", embeddings)
                .build();
    }

    @Override
    public List<String> defaultModelNames() {
        return List.of("gpt-4o", "claude-3-5-sonnet");
    }

    private static void health(Exchange exchange) {
        ObjectNode body = exchange.newObject();
        ArrayNode healthy = body.putArray("healthy_endpoints");
        for (SimulatedModel model : exchange.models()) {
            healthy.addObject().put("model", upstreamName(model));
        }
        body.putArray("unhealthy_endpoints");
        body.put("healthy_count", exchange.models().size());
        body.put("unhealthy_count", 0);
        exchange.json(200, body);
    }

    private static void readiness(Exchange exchange) {
        ObjectNode body = exchange.newObject().put("status", "healthy").put("db", "Not connected");
        body.putNull("cache");
        body.put("litellm_version", VERSION);
        body.putArray("success_callbacks");
        exchange.json(200, body);
    }

    /** LiteLLM reports deployments by provider-qualified name, as written in its config. */
    private static String upstreamName(SimulatedModel model) {
        return (model.name().startsWith("claude") ? "anthropic/" : "openai/") + model.name();
    }
}
