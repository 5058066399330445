package dev.sluice.adapters.http.out;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.domain.model.DiscoveredModel;
import dev.sluice.domain.model.ModelState;
import java.util.ArrayList;
import java.util.List;

/**
 * LM Studio's model lists. Three shapes reach us, depending on where the operator pointed {@code model_url}:
 * <ul>
 *   <li>{@code /api/v0/models}: {@code data[]} with {@code type, publisher, arch, compatibility_type,
 *       quantization, state, max_context_length};</li>
 *   <li>{@code /v1/models} (what Olla's shipped config uses): plain OpenAI {@code data[]} with ids only;</li>
 *   <li>{@code /api/v1/models} (LM Studio 0.3.x REST): {@code models[]} with {@code key, architecture,
 *       quantization:{name}, size_bytes, params_string, loaded_instances[]}.</li>
 * </ul>
 * Every field is optional, so one reader covers all three.
 */
final class LmStudioModelListParser implements ModelListParser {

    @Override
    public List<DiscoveredModel> parse(JsonNode root) {
        List<DiscoveredModel> models = new ArrayList<>();
        for (JsonNode entry : ModelEntries.find(root, "data", "models")) {
            String name = entry.isTextual() ? entry.asText().trim() : ModelEntries.text(entry, "id", "key", "name");
            if (name.isEmpty()) {
                continue;
            }
            JsonNode quantization = entry.path("quantization");
            models.add(new ModelDraft(name)
                    .type(typeOf(ModelEntries.text(entry, "type")))
                    .publisher(ModelEntries.text(entry, "publisher"))
                    .arch(ModelEntries.text(entry, "arch", "architecture"))
                    .format(ModelEntries.text(entry, "compatibility_type", "format"))
                    .quantization(quantization.isObject()
                            ? ModelEntries.text(quantization, "name")
                            : ModelEntries.text(entry, "quantization"))
                    .parameterSize(ModelEntries.text(entry, "params_string"))
                    .sizeBytes(ModelEntries.number(entry, "size_bytes"))
                    .contextLength(ModelEntries.number(entry, "max_context_length", "loaded_context_length"))
                    .state(stateOf(entry))
                    .build());
        }
        return models;
    }

    /** The REST API says {@code embedding} where {@code /api/v0} and our vocabulary say {@code embeddings}. */
    private static String typeOf(String type) {
        return type.equals("embedding") ? "embeddings" : type;
    }

    private static ModelState stateOf(JsonNode entry) {
        if (entry.path("loaded_instances").isArray()) {
            return entry.path("loaded_instances").isEmpty() ? ModelState.NOT_LOADED : ModelState.LOADED;
        }
        // "loaded" / "not-loaded"; ModelState reads both spellings of the latter.
        return ModelState.parse(ModelEntries.text(entry, "state"));
    }
}
