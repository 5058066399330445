package dev.sluice.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * AMD's Lemonade Server: everything under {@code /api/v1}. Health names the loaded model and its checkpoint;
 * discovery lists models with the checkpoint and recipe (the inference engine) that serve them.
 */
final class LemonadePlatform implements Platform {

    @Override
    public WebStack stack() {
        return WebStack.UVICORN;
    }

    @Override
    public RouteTable routes() {
        return RouteTable.builder()
                .get("/api/v1/health", LemonadePlatform::health)
                .get("/api/v1/models", exchange -> exchange.json(200,
                        ModelList.of(exchange.models(), model -> Entry.of(model, exchange.epochSecond()))))
                .post("/api/v1/chat/completions", new OpenAiChatRoute())
                .post("/api/v1/embeddings", new OpenAiEmbeddingsRoute())
                .build();
    }

    @Override
    public List<String> defaultModelNames() {
        return List.of("Qwen2.5-0.5B-Instruct-CPU", "Llama-3.2-1B-Instruct-Hybrid");
    }

    private static void health(Exchange exchange) {
        Optional<SimulatedModel> loaded = exchange.models().stream().filter(SimulatedModel::loaded).findFirst();
        ObjectNode body = exchange.newObject().put("status", "ok");
        body.put("checkpoint_loaded", loaded.map(LemonadePlatform::checkpoint).orElse(null));
        body.put("model_loaded", loaded.map(SimulatedModel::name).orElse(null));
        exchange.json(200, body);
    }

    /** Lemonade names ONNX models by device suffix; anything else is served by its llama.cpp recipe. */
    static String recipe(SimulatedModel model) {
        String name = model.name();
        if (name.endsWith("-CPU")) {
            return "oga-cpu";
        }
        if (name.endsWith("-Hybrid")) {
            return "oga-hybrid";
        }
        if (name.endsWith("-NPU")) {
            return "oga-npu";
        }
        return "llamacpp";
    }

    static String checkpoint(SimulatedModel model) {
        String base = ModelNameFacts.baseName(model.name());
        return recipe(model).equals("llamacpp") ? "unsloth/" + base + "-GGUF:" + model.quantization()
                : "amd/" + base + "-onnx";
    }

    record Entry(String id, String object, long created, String ownedBy, String checkpoint, String recipe,
                 boolean downloaded, boolean suggested, List<String> labels) {

        /** Labels drive Lemonade's UI filters; we derive the two a proxy may map to capabilities. */
        static Entry of(SimulatedModel model, long created) {
            List<String> labels = model.type().equals("embeddings") ? List.of("embeddings")
                    : model.type().equals("vlm") ? List.of("vision") : List.of();
            return new Entry(model.name(), "model", created, "lemonade", LemonadePlatform.checkpoint(model),
                    LemonadePlatform.recipe(model), true, true, labels);
        }
    }
}
