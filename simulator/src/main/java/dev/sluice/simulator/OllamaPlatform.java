package dev.sluice.simulator;

import java.util.List;

/**
 * Ollama: a Go server whose health check is its root page and whose discovery is {@code /api/tags}. It also
 * serves an OpenAI-style {@code /v1/models}, where {@code owned_by} is the registry namespace ("library"), and
 * Anthropic's {@code /v1/messages} (but not its {@code count_tokens}, which answers Go's plain 404).
 */
final class OllamaPlatform implements Platform {

    /** The first release with a native Anthropic {@code /v1/messages}, which Olla's profile requires. */
    static final String VERSION = "0.14.0";

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
                .post("/api/show", new OllamaShowRoute())
                .post("/api/embed", new OllamaEmbedRoute())
                .post("/v1/chat/completions", new OpenAiChatRoute())
                .post("/v1/embeddings", new OpenAiEmbeddingsRoute())
                .post("/v1/messages", new AnthropicMessagesRoute(new OllamaAnthropicDialect()))
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
