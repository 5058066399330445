package dev.sluice.adapters.http.out;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.domain.model.DiscoveredModel;
import dev.sluice.domain.model.ModelState;
import java.util.ArrayList;
import java.util.List;

/**
 * vLLM's {@code /v1/models}, shared by the servers that copied it (vllm-mlx, SGLang, LMDeploy): the OpenAI shape
 * plus {@code max_model_len} and {@code root}, the weights the served name stands for. When {@code root} is a
 * Hugging Face id ({@code meta-llama/Llama-3.1-8B-Instruct}) its organisation is the publisher, which lets an
 * operator's {@code --served-model-name llama} still say who made it.
 */
final class VllmModelListParser implements ModelListParser {

    @Override
    public List<DiscoveredModel> parse(JsonNode root) {
        List<DiscoveredModel> models = new ArrayList<>();
        for (JsonNode entry : ModelEntries.find(root, "data", "models")) {
            String name = ModelEntries.name(entry);
            if (name.isEmpty()) {
                continue;
            }
            String weights = ModelEntries.text(entry, "root");
            models.add(new ModelDraft(name)
                    .contextLength(ModelEntries.number(entry, "max_model_len", "context_length"))
                    .publisher(ModelEntries.organisation(weights.isEmpty() ? name : weights))
                    .modifiedAt(ModelEntries.time(entry, "created"))
                    // These servers load their models at start-up and list only what they serve.
                    .state(ModelState.LOADED)
                    .build());
        }
        return models;
    }
}
