package dev.sluice.simulator;

import java.util.List;

/**
 * vLLM's OpenAI server (FastAPI): empty-bodied {@code /health}, a {@code /v1/models} whose entries carry the
 * served model's {@code root}, {@code max_model_len} and a legacy permission object, and {@code /version}.
 */
final class VllmPlatform implements Platform {

    /** The first release with a native Anthropic {@code /v1/messages}, which Olla's profile requires. */
    static final String VERSION = "0.11.1";

    @Override
    public WebStack stack() {
        return WebStack.UVICORN;
    }

    @Override
    public RouteTable routes() {
        return RouteTable.builder()
                .get("/health", exchange -> exchange.empty(200))
                .get("/v1/models", exchange -> exchange.json(200,
                        ModelList.of(exchange.models(), model -> Card.of(model, exchange.epochSecond()))))
                .get("/version", exchange -> exchange.json(200, exchange.newObject().put("version", VERSION)))
                .post("/v1/chat/completions", new OpenAiChatRoute())
                .post("/v1/embeddings", new OpenAiEmbeddingsRoute())
                .post("/v1/messages", new AnthropicMessagesRoute(new VllmAnthropicDialect()))
                .build();
    }

    @Override
    public List<String> defaultModelNames() {
        return List.of("meta-llama/Llama-3.1-8B-Instruct");
    }

    /** vLLM's {@code ModelCard}. */
    record Card(String id, String object, long created, String ownedBy, String root, String parent,
                int maxModelLen, List<ModelPermission> permission) {

        static Card of(SimulatedModel model, long created) {
            return new Card(model.name(), "model", created, "vllm", model.name(), null, model.contextLength(),
                    List.of(ModelPermission.of(model, created)));
        }
    }
}
