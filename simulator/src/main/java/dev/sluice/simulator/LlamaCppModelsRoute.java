package dev.sluice.simulator;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * llama.cpp's hybrid {@code /v1/models}: an Ollama-shaped {@code models} array (mostly empty strings) followed
 * by an OpenAI {@code data} list with a {@code meta} block. A proxy may read either half; both must agree.
 */
final class LlamaCppModelsRoute {

    /** llama.cpp's {@code llama_model_ftype_name} spelling of the common quantisations. */
    private static final Map<String, String> FTYPE_NAMES = Map.of(
            "Q4_K_M", "Q4_K - Medium", "Q4_K_S", "Q4_K - Small", "Q5_K_M", "Q5_K - Medium",
            "Q5_K_S", "Q5_K - Small", "Q3_K_M", "Q3_K - Medium");

    private LlamaCppModelsRoute() {
    }

    static void handle(Exchange exchange) {
        List<SimulatedModel> served = LlamaCppPlatform.servedModel(exchange);
        long created = exchange.epochSecond();
        exchange.json(200, new Hybrid(
                served.stream().map(OllamaStyle::of).collect(Collectors.toList()),
                "list",
                served.stream().map(model -> OpenAiStyle.of(model, created)).collect(Collectors.toList())));
    }

    record Hybrid(List<OllamaStyle> models, String object, List<OpenAiStyle> data) {
    }

    /** llama.cpp fills this half with blanks: only the names are real. */
    record OllamaStyle(String name, String model, String modifiedAt, String size, String digest, String type,
                       String description, List<String> tags, List<String> capabilities, String parameters,
                       Details details) {

        static OllamaStyle of(SimulatedModel model) {
            return new OllamaStyle(model.name(), model.name(), "", "", "", "model", "", List.of(""),
                    List.of("completion"), "", new Details("", "gguf", "", List.of(""), "", ""));
        }
    }

    record Details(String parentModel, String format, String family, List<String> families, String parameterSize,
                   String quantizationLevel) {
    }

    record OpenAiStyle(String id, List<String> aliases, List<String> tags, String object, long created,
                       String ownedBy, Meta meta) {

        static OpenAiStyle of(SimulatedModel model, long created) {
            return new OpenAiStyle(model.name(), List.of(model.name()), List.of(), "model", created, "llamacpp",
                    Meta.of(model));
        }
    }

    record Meta(int vocabType, int nVocab, int nCtx, int nCtxTrain, int nEmbd, long nParams, long size,
                String ftype) {

        static Meta of(SimulatedModel model) {
            // n_ctx is one slot's share of the context, n_ctx_train the model's own, as llama-server reports.
            return new Meta(1, 32_000, model.contextLength() / LlamaCppPropsRoute.TOTAL_SLOTS, model.contextLength(),
                    4096,
                    ModelNameFacts.parameterCount(model.parameterSize()), model.sizeBytes(),
                    FTYPE_NAMES.getOrDefault(model.quantization(), model.quantization()));
        }
    }
}
