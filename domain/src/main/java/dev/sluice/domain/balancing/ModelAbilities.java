package dev.sluice.domain.balancing;

import dev.sluice.domain.endpoint.Endpoint;
import dev.sluice.domain.model.ModelSource;
import dev.sluice.domain.model.UnifiedModel;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What one endpoint's copy of a model can do, as far as the catalogue knows. Capabilities come from the model
 * rules and the platform profile's name patterns, which tag what they recognise and say nothing of the rest; so a
 * capability counts as missing only where the endpoint's profile declares its patterns for it complete
 * ({@code models.complete_capabilities}: a hosted API's fixed catalogue) and the model matches none. Elsewhere
 * silence means "unknown", never "cannot": a custom fine-tune on Ollama is not refused tools or images because no
 * pattern names it.
 *
 * @param capabilities  the model's capabilities on that endpoint ({@code tools}, {@code vision}, {@code embeddings} ...)
 * @param type          {@code llm}, {@code vlm}, {@code embeddings}; empty when unknown
 * @param contextLength its context window in tokens; 0 when unknown
 * @param declared      capabilities for which the endpoint's profile names every model that has them
 */
public record ModelAbilities(Set<String> capabilities, String type, long contextLength, Set<String> declared) {

    /** Nothing known: fits everything, capable of nothing in particular. */
    private static final long SMALLEST_WINDOW = 2048;

    public static final ModelAbilities UNKNOWN = new ModelAbilities(Set.of(), "", 0, Set.of());

    public ModelAbilities {
        capabilities = Set.copyOf(capabilities);
        Objects.requireNonNull(type, "type");
        declared = Set.copyOf(declared);
    }

    /**
     * What the catalogue knows of {@code model} on {@code endpoint}: its entry for that endpoint when it lists the
     * model, else what the endpoint's profile implies from the name alone (a model routed by pattern before any
     * catalogue listed it).
     */
    public static ModelAbilities on(Endpoint endpoint, String model, Optional<UnifiedModel> entry) {
        Set<String> declared = endpoint.profile().completeCapabilities();
        if (entry.isEmpty()) {
            List<String> implied = endpoint.profile().capabilitiesOf(model);
            return new ModelAbilities(Set.copyOf(implied), implied.contains("embeddings") ? "embeddings" : "",
                    endpoint.profile().contextLengthOf(model), declared);
        }
        UnifiedModel unified = entry.get();
        long context = unified.sources().stream().filter(s -> s.endpoint().id().equals(endpoint.id()))
                .mapToLong(ModelSource::contextLength).filter(c -> c > 0).findFirst()
                .orElse(unified.maxContextLength());
        Set<String> capabilities = new LinkedHashSet<>(unified.capabilities());
        capabilities.addAll(endpoint.profile().capabilitiesOf(model));
        return new ModelAbilities(capabilities, unified.type(), context, declared);
    }

    /** What the request needs that this model is known to lack: {@code tools}, {@code vision}, ... empty if none. */
    public List<String> lacks(RequestNeeds needs) {
        List<String> missing = new ArrayList<>();
        if (needs.operation() == RequestNeeds.Operation.GENERATE) {
            if (isEmbeddingsModel()) {
                missing.add("generation");
            }
            if (needs.tools() && knownWithout("tools")) {
                missing.add("tools");
            }
            if (needs.vision() && knownWithout("vision")) {
                missing.add("vision");
            }
        }
        if (needs.operation() == RequestNeeds.Operation.EMBED && !isEmbeddingsModel() && !type.isEmpty()
                && knownWithout("embeddings")) {
            missing.add("embeddings");
        }
        if (needs.operation() != RequestNeeds.Operation.OTHER && contextLength > 0
                && needs.promptTokens() > contextLength) {
            missing.add("context");
        }
        return missing;
    }

    /** Capable when its facts confirm every need, unfit when they deny one, unknown otherwise. */
    public Fit fit(RequestNeeds needs) {
        if (!lacks(needs).isEmpty()) {
            return Fit.UNFIT;
        }
        boolean confirmed = switch (needs.operation()) {
            case GENERATE -> (!needs.tools() || capabilities.contains("tools"))
                    && (!needs.vision() || capabilities.contains("vision"));
            case EMBED -> isEmbeddingsModel();
            case OTHER -> true;
        };
        // A prompt this short fits every model still served anywhere, so an unknown window is no doubt for it.
        boolean contextKnown = needs.promptTokens() <= SMALLEST_WINDOW || contextLength > 0
                || needs.operation() == RequestNeeds.Operation.OTHER;
        return confirmed && contextKnown ? Fit.CAPABLE : Fit.UNKNOWN;
    }

    private boolean isEmbeddingsModel() {
        return type.equals("embeddings") || type.equals("embedding");
    }

    private boolean knownWithout(String capability) {
        return declared.contains(capability) && !capabilities.contains(capability);
    }
}
