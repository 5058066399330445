package dev.sluice.adapters.http.out;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.domain.model.DiscoveredModel;
import java.util.ArrayList;
import java.util.List;

/**
 * The Gemini API's {@code GET /v1beta/models}: {@code {"models":[{"name":"models/gemini-2.5-flash",
 * "displayName":"Gemini 2.5 Flash","inputTokenLimit":1048576,"supportedGenerationMethods":["generateContent"]}],
 * "nextPageToken":"..."}}. Names lose their {@code models/} resource prefix: clients and Google's own
 * OpenAI-compatible surface both say {@code gemini-2.5-flash}.
 *
 * <p>Models that can neither generate nor embed (tuning-only, AQA) are left out: no request could use them.
 */
final class GeminiModelListParser implements ModelListParser {

    private static final String RESOURCE_PREFIX = "models/";

    @Override
    public List<DiscoveredModel> parse(JsonNode root) {
        List<DiscoveredModel> models = new ArrayList<>();
        for (JsonNode entry : ModelEntries.find(root, "models")) {
            String name = ModelEntries.text(entry, "name");
            if (name.startsWith(RESOURCE_PREFIX)) {
                name = name.substring(RESOURCE_PREFIX.length());
            }
            List<String> methods = ModelEntries.texts(entry, "supportedGenerationMethods");
            boolean usable = methods.isEmpty() || methods.contains("generateContent") || methods.contains("embedContent");
            if (name.isEmpty() || !usable) {
                continue;
            }
            models.add(new ModelDraft(name)
                    .publisher("google")
                    .type(methods.contains("embedContent") && !methods.contains("generateContent") ? "embeddings" : "")
                    .contextLength(ModelEntries.number(entry, "inputTokenLimit"))
                    .build());
        }
        return models;
    }
}
