package dev.sluice.adapters.http.out;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.domain.model.DiscoveredModel;
import dev.sluice.domain.model.ModelState;
import java.util.ArrayList;
import java.util.List;

/**
 * Ollama's {@code GET /api/tags}: {@code {"models":[{"name","digest","size","modified_at","details":{...}}]}}.
 * An endpoint pointed at Ollama's {@code /v1/models} sends the OpenAI shape instead; names still come through.
 */
final class OllamaModelListParser implements ModelListParser {

    @Override
    public List<DiscoveredModel> parse(JsonNode root) {
        List<DiscoveredModel> models = new ArrayList<>();
        for (JsonNode entry : ModelEntries.find(root, "models", "data")) {
            String name = ModelEntries.name(entry);
            if (name.isEmpty()) {
                continue;
            }
            JsonNode details = entry.path("details");
            List<String> families = ModelEntries.texts(details, "families");
            models.add(new ModelDraft(name)
                    .digest(ModelEntries.text(entry, "digest"))
                    .sizeBytes(ModelEntries.number(entry, "size"))
                    .modifiedAt(ModelEntries.time(entry, "modified_at", "created"))
                    .family(ModelEntries.text(details, "family"))
                    .family(families.isEmpty() ? "" : families.get(0))
                    .parameterSize(ModelEntries.text(details, "parameter_size"))
                    .quantization(ModelEntries.text(details, "quantization_level"))
                    .format(ModelEntries.text(details, "format"))
                    // /api/tags lists what is on disk; Ollama loads any of it on first use.
                    .state(ModelState.AVAILABLE)
                    .build());
        }
        return models;
    }
}
