package dev.sluice.adapters.http.out;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.domain.model.DiscoveredModel;
import java.util.ArrayList;
import java.util.List;

/**
 * Anthropic's {@code GET /v1/models}: {@code {"data":[{"type":"model","id":"claude-sonnet-4-20250514",
 * "display_name":"Claude Sonnet 4","created_at":"2025-05-22T00:00:00Z"}],"has_more":false,...}}.
 */
final class AnthropicModelListParser implements ModelListParser {

    @Override
    public List<DiscoveredModel> parse(JsonNode root) {
        List<DiscoveredModel> models = new ArrayList<>();
        for (JsonNode entry : ModelEntries.find(root, "data")) {
            String name = ModelEntries.text(entry, "id");
            if (name.isEmpty()) {
                continue;
            }
            models.add(new ModelDraft(name)
                    .publisher("anthropic")
                    .family("claude")
                    .modifiedAt(ModelEntries.time(entry, "created_at"))
                    .build());
        }
        return models;
    }
}
