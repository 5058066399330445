package dev.sluice.domain.model;

import dev.sluice.domain.endpoint.Endpoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Accumulates the sightings of one model while a catalogue is built; never escapes {@link ModelUnifier}. */
final class UnifiedModelBuilder {

    private final String id;
    private String family = "";
    private String variant = "";
    private String parameterSize = "";
    private long parameterCount;
    private String quantization = "";
    private String format = "";
    private String type = "";
    private String publisher = "";
    private String digest = "";
    private long diskSize;
    private long contextLength;
    private final Set<String> capabilities = new LinkedHashSet<>();
    private final List<ModelAlias> aliases = new ArrayList<>();
    private final List<ModelSource> sources = new ArrayList<>();
    private Instant lastSeen = Instant.EPOCH;

    UnifiedModelBuilder(String id) {
        this.id = id;
    }

    String id() {
        return id;
    }

    String digest() {
        return digest;
    }

    boolean knownAs(String name) {
        return id.equalsIgnoreCase(name) || aliases.stream().anyMatch(a -> a.name().equalsIgnoreCase(name));
    }

    void add(Endpoint endpoint, DiscoveredModel model, Instant seenAt, ModelNameReader reader) {
        ModelFacts facts = reader.read(model, endpoint.profile());
        family = firstNonEmpty(family, facts.family());
        variant = firstNonEmpty(variant, facts.variant());
        parameterSize = firstNonEmpty(parameterSize, facts.parameterSize());
        parameterCount = parameterCount != 0 ? parameterCount : facts.parameterCount();
        quantization = firstNonEmpty(quantization, facts.quantization());
        format = firstNonEmpty(format, model.format());
        type = firstNonEmpty(type, facts.type());
        publisher = firstNonEmpty(publisher, facts.publisher());
        digest = firstNonEmpty(digest, model.digest());
        diskSize = diskSize != 0 ? diskSize : model.sizeBytes();
        contextLength = Math.max(contextLength, facts.contextLength());
        capabilities.addAll(facts.capabilities());
        ModelAlias alias = new ModelAlias(model.name(), endpoint.profile().name());
        if (!aliases.contains(alias)) {
            aliases.add(alias);
        }
        boolean alreadySourced = sources.stream().anyMatch(s -> s.endpoint().id().equals(endpoint.id()));
        if (!alreadySourced) {
            sources.add(new ModelSource(endpoint, model.name(), model.state(), model.sizeBytes(), seenAt,
                    facts.contextLength()));
        }
        if (seenAt.isAfter(lastSeen)) {
            lastSeen = seenAt;
        }
    }

    UnifiedModel build() {
        return new UnifiedModel(id, family.isEmpty() ? "unknown" : family, variant, parameterSize, parameterCount,
                quantization, format, type.isEmpty() ? "llm" : type, publisher, digest, diskSize, contextLength,
                List.copyOf(capabilities), aliases, sources, lastSeen);
    }

    private static String firstNonEmpty(String current, String candidate) {
        return current.isEmpty() ? candidate : current;
    }
}
