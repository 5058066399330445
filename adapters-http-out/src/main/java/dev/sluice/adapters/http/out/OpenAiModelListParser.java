package dev.sluice.adapters.http.out;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.domain.model.DiscoveredModel;
import java.util.ArrayList;
import java.util.List;

/**
 * OpenAI's {@code GET /v1/models}: {@code {"object":"list","data":[{"id":...}]}}. Also the fallback for every
 * format we do not know, so it accepts the shapes OpenAI-compatible servers drift into: a bare array, or a
 * {@code models} array of entries named by {@code name} or {@code model}.
 */
final class OpenAiModelListParser implements ModelListParser {

    @Override
    public List<DiscoveredModel> parse(JsonNode root) {
        List<DiscoveredModel> models = new ArrayList<>();
        for (JsonNode entry : ModelEntries.find(root, "data", "models")) {
            String name = ModelEntries.name(entry);
            if (name.isEmpty()) {
                continue;
            }
            // Gateways such as OpenRouter and LiteLLM add a context size under one of these names.
            models.add(new ModelDraft(name)
                    .contextLength(ModelEntries.number(entry, "context_length", "max_model_len", "context_window"))
                    .modifiedAt(ModelEntries.time(entry, "created"))
                    .build());
        }
        return models;
    }
}
