package dev.sluice.domain.model;

import dev.sluice.domain.endpoint.Endpoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds the fleet-wide catalogue from what each endpoint reported. Pure: the same inputs give the same catalogue,
 * so it is rebuilt whole after every discovery instead of being patched in place.
 *
 * <p>Merging, in order: same digest; else same name or alias ignoring case, unless both carry different digests;
 * else a new entry named after the model (suffixed with the digest's tail if that name is taken by other weights).
 * Metadata is first non-empty wins, in endpoint priority order.
 */
public final class ModelUnifier {

    private final ModelNameReader reader;

    public ModelUnifier(UnificationRules rules) {
        this.reader = new ModelNameReader(Objects.requireNonNull(rules, "rules"));
    }

    public ModelCatalog unify(List<EndpointModels> perEndpoint, Instant now) {
        List<EndpointModels> ordered = new ArrayList<>(perEndpoint);
        // Stable order so ids do not flip between rebuilds: higher priority first, then name.
        ordered.sort(Comparator.comparingInt((EndpointModels e) -> -e.endpoint().priority())
                .thenComparing(e -> e.endpoint().name()));
        List<UnifiedModelBuilder> built = new ArrayList<>();
        for (EndpointModels entry : ordered) {
            Endpoint endpoint = entry.endpoint();
            for (DiscoveredModel model : entry.models()) {
                if (!endpoint.modelFilter().allows(model.name())) {
                    continue;
                }
                UnifiedModelBuilder target = findMatch(built, model).orElseGet(() -> {
                    UnifiedModelBuilder created = new UnifiedModelBuilder(uniqueId(built, model));
                    built.add(created);
                    return created;
                });
                target.add(endpoint, model, entry.discoveredAt(), reader);
            }
        }
        return new ModelCatalog(built.stream().map(UnifiedModelBuilder::build).toList(), now);
    }

    private static Optional<UnifiedModelBuilder> findMatch(List<UnifiedModelBuilder> built, DiscoveredModel model) {
        if (!model.digest().isEmpty()) {
            Optional<UnifiedModelBuilder> byDigest = built.stream()
                    .filter(b -> normalDigest(model.digest()).equals(normalDigest(b.digest())))
                    .findFirst();
            if (byDigest.isPresent()) {
                return byDigest;
            }
        }
        return built.stream()
                .filter(b -> b.knownAs(model.name()))
                .filter(b -> model.digest().isEmpty() || b.digest().isEmpty()
                        || normalDigest(model.digest()).equals(normalDigest(b.digest())))
                .findFirst();
    }

    private static String uniqueId(List<UnifiedModelBuilder> built, DiscoveredModel model) {
        boolean taken = built.stream().anyMatch(b -> b.id().equalsIgnoreCase(model.name()));
        if (!taken) {
            return model.name();
        }
        String digest = normalDigest(model.digest());
        String tail = digest.length() > 8 ? digest.substring(digest.length() - 8) : digest;
        return model.name() + "-" + tail;
    }

    // Ollama writes "sha256:abc...", others the bare hex: compare the hex.
    private static String normalDigest(String digest) {
        int colon = digest.indexOf(':');
        return (colon >= 0 ? digest.substring(colon + 1) : digest).toLowerCase(Locale.ROOT);
    }
}
