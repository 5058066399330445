package dev.sluice.simulator;

import java.util.List;

/**
 * Ollama: a Go server whose health check is its root page and whose discovery is {@code /api/tags}. It also
 * serves an OpenAI-style {@code /v1/models}, where {@code owned_by} is the registry namespace ("library").
 */
final class OllamaPlatform implements Platform {

    static final String VERSION = "0.12.3";

    @Override
    public WebStack stack() {
        return WebStack.GO_HTTP;
    }

    @Override
    public RouteTable routes() {
        Route running = exchange -> exchange.text(200, "text/plain; charset=utf-8", "Ollama is running");
        return RouteTable.builder()
                .get("/", running)
                .add("HEAD", "/", running)
                .get("/api/tags", OllamaModelRoutes::tags)
                .get("/api/ps", OllamaModelRoutes::running)
                .get("/api/version", exchange -> exchange.json(200, exchange.newObject().put("version", VERSION)))
                .get("/v1/models", OpenAiModel.listRoute("library"))
                .post("/api/chat", new OllamaChatRoute())
                .post("/api/generate", new OllamaGenerateRoute())
                .post("/v1/chat/completions", new OpenAiChatRoute())
                .build();
    }

    @Override
    public List<String> defaultModelNames() {
        return List.of("llama3.2:3b", "qwen2.5-coder:7b");
    }

    @Override
    public String discoveryListField() {
        return "models";
    }
}
