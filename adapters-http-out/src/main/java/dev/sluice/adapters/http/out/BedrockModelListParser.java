package dev.sluice.adapters.http.out;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.domain.model.DiscoveredModel;
import java.util.ArrayList;
import java.util.List;

/**
 * Bedrock's ListFoundationModels ({@code GET /foundation-models}): {@code {"modelSummaries":[{"modelId":
 * "anthropic.claude-3-5-sonnet-20240620-v1:0","providerName":"Anthropic","inputModalities":["TEXT","IMAGE"],
 * "outputModalities":["TEXT"],"inferenceTypesSupported":["ON_DEMAND"],"modelLifecycle":{"status":"ACTIVE"}}]}}.
 *
 * <p>Only models that can be invoked on demand and are not retired are kept: a model offered only with provisioned
 * throughput, or a legacy one, answers every request with an error.
 */
final class BedrockModelListParser implements ModelListParser {

    @Override
    public List<DiscoveredModel> parse(JsonNode root) {
        List<DiscoveredModel> models = new ArrayList<>();
        for (JsonNode entry : ModelEntries.find(root, "modelSummaries")) {
            String id = ModelEntries.text(entry, "modelId");
            List<String> inference = ModelEntries.texts(entry, "inferenceTypesSupported");
            String lifecycle = ModelEntries.text(entry.path("modelLifecycle"), "status");
            boolean invocable = inference.isEmpty() || inference.contains("ON_DEMAND");
            if (id.isEmpty() || !invocable || lifecycle.equals("LEGACY")) {
                continue;
            }
            List<String> output = ModelEntries.texts(entry, "outputModalities");
            models.add(new ModelDraft(id)
                    .publisher(ModelEntries.text(entry, "providerName").toLowerCase(java.util.Locale.ROOT))
                    .type(output.contains("EMBEDDING") ? "embeddings" : "")
                    .build());
        }
        return models;
    }
}
