package dev.sluice.adapters.http.out;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.sluice.domain.model.DiscoveredModel;
import dev.sluice.domain.model.ModelState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * llama.cpp's hybrid {@code /v1/models}: an OpenAI {@code data[]} (id, {@code meta} with {@code n_ctx_train},
 * {@code n_params}, {@code size}, {@code ftype}) and, in the same body, an Ollama-shaped {@code models[]} whose
 * {@code details} carry the format. The {@code data[]} ids are what requests must name (the {@code --alias}),
 * so they lead and {@code models[]} only enriches; a body with only {@code models[]} still lists those.
 */
final class LlamaCppModelListParser implements ModelListParser {

    @Override
    public List<DiscoveredModel> parse(JsonNode root) {
        // A bare array has no companion list; an object may have either array or both.
        List<JsonNode> companions = root.isObject()
                ? ModelEntries.findOptional(root, "models").orElse(List.of())
                : List.of();
        List<JsonNode> entries = ModelEntries.find(root, "data", "models");
        List<DiscoveredModel> models = new ArrayList<>();
        for (JsonNode entry : entries) {
            String name = ModelEntries.name(entry);
            if (name.isEmpty()) {
                continue;
            }
            JsonNode companion = companionOf(name, companions, entries.size());
            JsonNode meta = entry.path("meta");
            JsonNode details = companion.path("details");
            models.add(new ModelDraft(name)
                    .contextLength(ModelEntries.number(meta, "n_ctx_train", "n_ctx"))
                    .sizeBytes(ModelEntries.number(meta, "size"))
                    .sizeBytes(ModelEntries.number(companion, "size"))
                    .parameterSize(ModelEntries.parameterCount(ModelEntries.number(meta, "n_params")))
                    .parameterSize(ModelEntries.text(details, "parameter_size"))
                    .quantization(ModelEntries.text(details, "quantization_level"))
                    .quantization(quantizationOf(ModelEntries.text(meta, "ftype")))
                    .family(ModelEntries.text(details, "family"))
                    .format(ModelEntries.text(details, "format"))
                    .digest(ModelEntries.text(companion, "digest"))
                    .modifiedAt(ModelEntries.time(entry, "created"))
                    .state(stateOf(entry))
                    .build());
        }
        return models;
    }

    /**
     * The {@code models[]} entry describing the same model: matched by name, or the only one when both arrays
     * hold a single model (llama.cpp names them alike, but a renamed alias must not lose its details).
     */
    private static JsonNode companionOf(String name, List<JsonNode> companions, int entryCount) {
        for (JsonNode companion : companions) {
            if (name.equals(ModelEntries.text(companion, "name"))
                    || name.equals(ModelEntries.text(companion, "model"))) {
                return companion;
            }
        }
        return companions.size() == 1 && entryCount == 1 ? companions.get(0) : MissingNode.getInstance();
    }

    /**
     * llama.cpp spells file types for people ({@code Q4_K - Medium}, {@code IQ2_XXS - 2.0625 bpw}); everyone
     * else, and the unifier that merges by quantization, says {@code Q4_K_M} and {@code IQ2_XXS}.
     */
    static String quantizationOf(String ftype) {
        int dash = ftype.indexOf(" - ");
        if (dash < 0) {
            return ftype;
        }
        String base = ftype.substring(0, dash).trim();
        String size = ftype.substring(dash + 3).trim().toLowerCase(Locale.ROOT);
        if (size.equals("small") || size.equals("medium") || size.equals("large")) {
            return base + "_" + Character.toUpperCase(size.charAt(0));
        }
        return base;
    }

    private static ModelState stateOf(JsonNode entry) {
        // Router mode (several models behind one server) reports each one's status; a single-model server
        // says nothing because it serves exactly the model it has loaded.
        String status = ModelEntries.text(entry.path("status"), "value");
        if (status.isEmpty()) {
            return ModelState.LOADED;
        }
        return "loaded".equalsIgnoreCase(status) ? ModelState.LOADED : ModelState.NOT_LOADED;
    }
}
