package dev.sluice.adapters.http.in.status;

import dev.sluice.adapters.http.in.models.Formats;
import dev.sluice.adapters.http.in.models.JsonResponses;
import dev.sluice.adapters.http.in.models.ModelListView;

import dev.sluice.domain.model.ModelSource;
import dev.sluice.domain.model.ModelState;
import dev.sluice.domain.model.UnifiedModel;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The filters of {@code /olla/models}: {@code endpoint}, {@code family}, {@code type}, {@code capability},
 * {@code available} and {@code include_unavailable}, as Olla reads them.
 *
 * @param routableEndpointIds endpoints that may take requests now; models served by none of them are hidden
 *                            unless {@code include_unavailable=true}
 */
record ModelQuery(Optional<String> endpoint, Optional<String> family, Optional<String> type,
                  Optional<Boolean> available, boolean includeUnavailable, Set<String> routableEndpointIds) {

    /** Olla's legacy {@code capability} parameter, mapped to the type it implies. */
    static Optional<String> typeForCapability(String capability) {
        switch (capability.toLowerCase(Locale.ROOT)) {
            case "vision":
            case "multimodal":
                return Optional.of("vlm");
            case "embedding":
            case "embeddings":
            case "vector_search":
                return Optional.of("embeddings");
            case "chat":
            case "text_generation":
            case "completion":
                return Optional.of("llm");
            default:
                return Optional.empty();
        }
    }

    Predicate<UnifiedModel> asPredicate() {
        return model -> {
            if (!includeUnavailable && model.sources().stream().noneMatch(this::routable)) {
                return false;
            }
            if (endpoint.isPresent() && model.sources().stream().noneMatch(s -> s.endpoint().name().equals(endpoint.get()))) {
                return false;
            }
            if (family.isPresent() && !model.family().equalsIgnoreCase(family.get())) {
                return false;
            }
            if (type.isPresent() && !matchesType(model, type.get())) {
                return false;
            }
            if (available.isPresent()) {
                boolean loaded = model.sources().stream().anyMatch(s -> s.state() == ModelState.LOADED);
                return loaded == available.get();
            }
            return true;
        };
    }

    private boolean routable(ModelSource source) {
        return routableEndpointIds.contains(source.endpoint().id());
    }

    private static boolean matchesType(UnifiedModel model, String wanted) {
        String t = wanted.toLowerCase(Locale.ROOT);
        if (model.type().equalsIgnoreCase(t)) {
            return true;
        }
        // Olla also matches a type through capabilities, so a vision-capable llm answers type=vlm.
        return switch (t) {
            case "vlm" -> model.capabilities().contains("vision");
            case "embeddings" -> model.capabilities().contains("embeddings");
            default -> false;
        };
    }
}
