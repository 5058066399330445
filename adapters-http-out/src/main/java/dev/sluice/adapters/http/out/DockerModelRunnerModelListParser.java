package dev.sluice.adapters.http.out;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.domain.model.DiscoveredModel;
import dev.sluice.domain.model.ModelState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Docker Model Runner. {@code /engines/v1/models} is the OpenAI shape with ids that are OCI references
 * ({@code ai/smollm2:360M-Q4_K_M}); its native {@code /models} is a bare array naming each model by
 * {@code tags[]} with a {@code config} of format, quantization and architecture. The reference's tag is the only
 * place the OpenAI shape says size and quantization, so we read them from it.
 */
final class DockerModelRunnerModelListParser implements ModelListParser {

    /** {@code 360M-Q4_K_M}, {@code 7B-F16}, {@code 1.5B-IQ2_XXS}: parameter size, dash, quantization. */
    private static final Pattern TAG = Pattern.compile("(?i)(\\d+(?:\\.\\d+)?[KMBT])-((?:I?Q\\d|F\\d|BF\\d)\\w*)");

    @Override
    public List<DiscoveredModel> parse(JsonNode root) {
        List<DiscoveredModel> models = new ArrayList<>();
        for (JsonNode entry : ModelEntries.find(root, "data", "models")) {
            List<String> tags = ModelEntries.texts(entry, "tags");
            String name = tags.isEmpty() ? ModelEntries.name(entry) : tags.get(0);
            if (name.isEmpty()) {
                continue;
            }
            ModelDraft draft = new ModelDraft(name);
            // The tag's spelling first: the native config may say "IQ2_XXS/Q4_K_M" where the tag says Q4_K_M.
            Matcher tag = TAG.matcher(tagOf(name));
            if (tag.matches()) {
                draft.parameterSize(tag.group(1).toUpperCase(Locale.ROOT)).quantization(tag.group(2));
            }
            JsonNode config = entry.path("config");
            draft.format(ModelEntries.text(config, "format"))
                    .quantization(ModelEntries.text(config, "quantization"))
                    .arch(ModelEntries.text(config, "architecture"))
                    .publisher(ModelEntries.organisation(repositoryOf(name)))
                    .modifiedAt(ModelEntries.time(entry, "created"))
                    // Listed models are pulled; the runner loads one when a request names it.
                    .state(ModelState.AVAILABLE);
            models.add(draft.build());
        }
        return models;
    }

    private static String repositoryOf(String reference) {
        int colon = reference.lastIndexOf(':');
        return colon > 0 ? reference.substring(0, colon) : reference;
    }

    private static String tagOf(String reference) {
        int colon = reference.lastIndexOf(':');
        return colon > 0 ? reference.substring(colon + 1) : "";
    }
}
