package dev.sluice.simulator;

import java.util.List;

/**
 * llama.cpp's {@code llama-server}, after the byte-level captures in the wire-format reference. It serves one
 * model (the first configured), answers CORS preflights on any path, and while loading answers 503
 * "Loading model" to everything, chat included. It generates through OpenAI chat and legacy completions, its
 * native {@code /completion} and Anthropic's {@code /v1/messages}; it has no Ollama routes at all.
 */
final class LlamaCppPlatform implements Platform {

    @Override
    public WebStack stack() {
        return WebStack.CPP_HTTPLIB;
    }

    @Override
    public RouteTable routes() {
        Route models = LlamaCppModelsRoute::handle;
        // One id sequence per server, so no two answers share an id whichever route gave them.
        LlamaCppIds ids = new LlamaCppIds();
        return RouteTable.builder()
                .get("/health", exchange -> exchange.json(200, exchange.newObject().put("status", "ok")))
                .get("/v1/models", models)
                .get("/models", models)
                .get("/props", LlamaCppPropsRoute::handle)
                .post("/v1/chat/completions", new LlamaCppChatRoute(ids))
                .post("/completion", new LlamaCppCompletionRoute())
                .post("/v1/completions", new LlamaCppTextCompletionRoute(ids))
                .post("/v1/messages", new AnthropicMessagesRoute(new LlamaCppAnthropicDialect(ids)))
                .post("/v1/messages/count_tokens", new AnthropicCountTokensRoute())
                .build();
    }

    @Override
    public List<String> defaultModelNames() {
        return List.of("Llama-3.2-3B-Instruct-Q4_K_M.gguf");
    }

    @Override
    public boolean intercept(Exchange exchange) {
        if (exchange.method().equals("OPTIONS")) {
            preflight(exchange);
            return true;
        }
        if (exchange.settings().loading()) {
            exchange.stack().unhealthy(exchange, 503);
            return true;
        }
        return false;
    }

    /** llama-server allows every origin, method and header; browsers' preflights must pass through a proxy. */
    private static void preflight(Exchange exchange) {
        exchange.header("Access-Control-Allow-Credentials", "true");
        exchange.header("Access-Control-Allow-Methods", "GET, POST, DELETE, OPTIONS");
        exchange.header("Access-Control-Allow-Headers", "*");
        exchange.text(200, "text/html", "");
    }

    /** The single model this server has, if any was configured. */
    static List<SimulatedModel> servedModel(Exchange exchange) {
        List<SimulatedModel> models = exchange.models();
        return models.isEmpty() ? List.of() : List.of(models.get(0));
    }
}
