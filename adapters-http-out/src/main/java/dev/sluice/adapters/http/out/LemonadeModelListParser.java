package dev.sluice.adapters.http.out;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.domain.model.DiscoveredModel;
import dev.sluice.domain.model.ModelState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Lemonade's {@code /api/v1/models}: OpenAI {@code data[]} plus {@code checkpoint} (the Hugging Face weights,
 * {@code org/repo} or {@code org/repo:QUANT}), {@code recipe} (the engine: {@code llamacpp}, {@code oga-cpu} ...),
 * {@code downloaded} and {@code labels}.
 *
 * <p>{@code downloaded} decides the state, and dropping it is why Olla never routed to Lemonade (issue #160):
 * a downloaded model is {@link ModelState#AVAILABLE} (on disk, Lemonade loads it on first request); one listed
 * but not downloaded (only with {@code show_all}) is {@link ModelState#NOT_LOADED}, because serving it would
 * first need a multi-gigabyte pull. Without the field we do not guess: {@link ModelState#UNKNOWN}.
 */
final class LemonadeModelListParser implements ModelListParser {

    @Override
    public List<DiscoveredModel> parse(JsonNode root) {
        List<DiscoveredModel> models = new ArrayList<>();
        for (JsonNode entry : ModelEntries.find(root, "data", "models")) {
            String name = ModelEntries.name(entry);
            if (name.isEmpty()) {
                continue;
            }
            String checkpoint = ModelEntries.text(entry, "checkpoint");
            int tag = checkpoint.lastIndexOf(':');
            String repo = tag > 0 ? checkpoint.substring(0, tag) : checkpoint;
            models.add(new ModelDraft(name)
                    .publisher(ModelEntries.organisation(repo))
                    .quantization(tag > 0 ? checkpoint.substring(tag + 1) : "")
                    .format(formatOf(ModelEntries.text(entry, "recipe")))
                    .type(typeOf(ModelEntries.texts(entry, "labels")))
                    .modifiedAt(ModelEntries.time(entry, "created"))
                    .state(stateOf(entry.path("downloaded")))
                    .build());
        }
        return models;
    }

    private static ModelState stateOf(JsonNode downloaded) {
        if (!downloaded.isBoolean()) {
            return ModelState.UNKNOWN;
        }
        return downloaded.booleanValue() ? ModelState.AVAILABLE : ModelState.NOT_LOADED;
    }

    /** Labels name capabilities; only these two change what kind of model it is. */
    private static String typeOf(List<String> labels) {
        for (String label : labels) {
            String l = label.toLowerCase(Locale.ROOT);
            if (l.equals("vision")) {
                return "vlm";
            }
            if (l.equals("embeddings") || l.equals("embedding")) {
                return "embeddings";
            }
        }
        return "";
    }

    /** The weights format each recipe runs; unknown recipes say nothing about it. */
    private static String formatOf(String recipe) {
        String r = recipe.toLowerCase(Locale.ROOT);
        if (r.equals("llamacpp")) {
            return "gguf";
        }
        return r.startsWith("oga-") ? "onnx" : "";
    }
}
