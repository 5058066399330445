package dev.sluice.simulator;

import java.util.List;

/**
 * SGLang's server (FastAPI): empty-bodied {@code /health}, a {@code /v1/models} with {@code root} and
 * {@code max_model_len} but no permission list, and the native {@code /get_model_info} about the first model.
 */
final class SglangPlatform implements Platform {

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
                .get("/get_model_info", SglangPlatform::modelInfo)
                .post("/v1/chat/completions", new OpenAiChatRoute())
                .post("/v1/embeddings", new OpenAiEmbeddingsRoute())
                .build();
    }

    @Override
    public List<String> defaultModelNames() {
        return List.of("Qwen/Qwen2.5-7B-Instruct");
    }

    private static void modelInfo(Exchange exchange) {
        // SGLang serves one model; with none configured there is nothing to describe.
        if (exchange.models().isEmpty()) {
            exchange.stack().error(exchange, 503, "no model loaded");
            return;
        }
        SimulatedModel model = exchange.models().get(0);
        exchange.json(200, new ModelInfo(model.name(), model.name(), !model.type().equals("embeddings"), null,
                "default"));
    }

    /** Like vLLM's card without {@code parent} and {@code permission}: SGLang dropped the legacy fields. */
    record Card(String id, String object, long created, String ownedBy, String root, int maxModelLen) {

        static Card of(SimulatedModel model, long created) {
            return new Card(model.name(), "model", created, "sglang", model.name(), model.contextLength());
        }
    }

    record ModelInfo(String modelPath, String tokenizerPath, boolean isGeneration, Object preferredSamplingParams,
                     String weightVersion) {
    }
}
