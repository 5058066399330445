package dev.sluice.simulator;

import java.util.List;

/**
 * LM Studio: health is the OpenAI {@code /v1/models} (no {@code created} field), discovery the richer
 * {@code /api/v0/models} with type, publisher, architecture and load state.
 */
final class LmStudioPlatform implements Platform {

    @Override
    public WebStack stack() {
        return WebStack.EXPRESS;
    }

    @Override
    public RouteTable routes() {
        return RouteTable.builder()
                .get("/v1/models", exchange -> exchange.json(200,
                        ModelList.of(exchange.models(), model -> OpenAiModel.of(model, null, "organization_owner"))))
                .get("/api/v0/models", exchange -> exchange.json(200,
                        ModelList.of(exchange.models(), NativeModel::of)))
                .post("/v1/chat/completions", new OpenAiChatRoute())
                .post("/v1/embeddings", new OpenAiEmbeddingsRoute())
                // Closed source, documented as mirroring Anthropic's API: the base dialect is Anthropic's own.
                .post("/v1/messages", new AnthropicMessagesRoute(new AnthropicDialect()))
                .build();
    }

    @Override
    public List<String> defaultModelNames() {
        return List.of("qwen2.5-7b-instruct", "text-embedding-nomic-embed-text-v1.5");
    }

    /** One entry of {@code /api/v0/models}. */
    record NativeModel(String id, String object, String type, String publisher, String arch,
                       String compatibilityType, String quantization, String state, int maxContextLength) {

        static NativeModel of(SimulatedModel model) {
            return new NativeModel(model.name(), "model", model.type(),
                    ModelNameFacts.publisher(model.name(), "lmstudio-community"), model.family(), "gguf",
                    model.quantization(), model.loaded() ? "loaded" : "not-loaded", model.contextLength());
        }
    }
}
