package dev.sluice.domain.model;

import dev.sluice.domain.endpoint.Endpoint;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A model name written {@code namespace/model}, where the namespace is an endpoint's name or a provider type
 * ({@code openai/gpt-4o}): the way to reach one provider's model when two providers serve the same name. Many real
 * names contain a slash too (OpenRouter's {@code meta-llama/llama-3-8b}, Hugging Face's {@code org/model}); such a
 * name is a namespace only when its first part names a configured endpoint or provider, and even then a name the
 * catalogue knows whole stays itself unless the named endpoint serves the part after the slash.
 *
 * @param namespace what comes before the first slash
 * @param model     the bare name after it, as the provider spells it
 */
public record ModelNamespace(String namespace, String model) {

    public ModelNamespace {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(model, "model");
    }

    /** Splits at the first slash; empty when there is none or either side is blank. */
    public static Optional<ModelNamespace> split(String name) {
        int slash = name.indexOf('/');
        if (slash <= 0 || slash == name.length() - 1) {
            return Optional.empty();
        }
        String namespace = name.substring(0, slash).trim();
        String model = name.substring(slash + 1).trim();
        return namespace.isEmpty() || model.isEmpty() ? Optional.empty()
                : Optional.of(new ModelNamespace(namespace, model));
    }

    /**
     * The endpoints this namespace names: those whose name it is (ignoring case); when none, those whose type or
     * profile prefix it is ({@code openai-api}, {@code ollama}, {@code groq}...). Empty when it names none.
     */
    public List<Endpoint> named(Collection<Endpoint> endpoints) {
        List<Endpoint> byName = endpoints.stream().filter(e -> e.name().equalsIgnoreCase(namespace)).toList();
        if (!byName.isEmpty()) {
            return byName;
        }
        return endpoints.stream().filter(e -> e.type().equalsIgnoreCase(namespace)
                || e.profile().answersTo(namespace)).toList();
    }

    /**
     * How {@code name} is to be routed against this catalogue and these endpoints: pinned to the endpoints its
     * namespace names, or empty when it is an ordinary name (no slash, no such endpoint or provider, or a name
     * the catalogue knows whole that the named endpoints do not serve bare).
     */
    public static Optional<Pin> resolve(String name, ModelCatalog catalog, Collection<Endpoint> endpoints) {
        Optional<ModelNamespace> split = split(name);
        if (split.isEmpty()) {
            return Optional.empty();
        }
        ModelNamespace ns = split.get();
        List<Endpoint> named = ns.named(endpoints);
        if (named.isEmpty()) {
            return Optional.empty();
        }
        Set<String> servingBare = catalog.endpointsServing(ns.model());
        boolean namedServeBare = named.stream().anyMatch(e -> servingBare.contains(e.id()));
        if (!namedServeBare && !catalog.endpointsServing(name).isEmpty()) {
            // OpenRouter's "openai/gpt-4o" while the endpoint called openai has no gpt-4o: the whole name wins.
            return Optional.empty();
        }
        Map<String, String> nativeNames = new LinkedHashMap<>();
        for (Endpoint endpoint : named) {
            nativeNames.put(endpoint.id(), nativeName(catalog, ns.model(), endpoint));
        }
        Set<String> ids = new HashSet<>(nativeNames.keySet());
        return Optional.of(new Pin(ns, Set.copyOf(ids), Map.copyOf(nativeNames)));
    }

    // The endpoint's own spelling of the bare name when its model list has it, else the bare name as written.
    private static String nativeName(ModelCatalog catalog, String bare, Endpoint endpoint) {
        // The index first (ids and aliases); the scan only for a native name the index does not hold.
        Optional<String> indexed = catalog.find(bare).flatMap(model -> model.nativeNameOn(endpoint.id()));
        if (indexed.isPresent()) {
            return indexed.get();
        }
        for (UnifiedModel model : catalog.models()) {
            for (ModelSource source : model.sources()) {
                if (source.endpoint().id().equals(endpoint.id())
                        && (source.nativeName().equalsIgnoreCase(bare) || model.knownAs(bare))) {
                    return source.nativeName();
                }
            }
        }
        return bare;
    }

    /**
     * Namespaced names to list beside the plain ones: {@code endpoint/model} for each endpoint serving a name
     * that endpoints of two or more providers (types) serve, so a client can choose among them. Names that only
     * one provider serves, even on several endpoints, are listed plain only.
     *
     * @param reachable ids of the endpoints whose models the list shows
     */
    public static List<Listing> listings(ModelCatalog catalog, Set<String> reachable) {
        Map<String, List<Listing>> byName = new LinkedHashMap<>();
        for (UnifiedModel model : catalog.models()) {
            for (ModelSource source : model.sources()) {
                if (reachable.contains(source.endpoint().id())) {
                    byName.computeIfAbsent(source.nativeName().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                            .add(new Listing(source.endpoint().name() + "/" + source.nativeName(), model, source));
                }
            }
        }
        List<Listing> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (List<Listing> sharing : byName.values()) {
            long providers = sharing.stream().map(l -> l.source().endpoint().profile().name()).distinct().count();
            if (providers < 2) {
                continue;
            }
            for (Listing listing : sharing) {
                if (seen.add(listing.name().toLowerCase(Locale.ROOT))) {
                    out.add(listing);
                }
            }
        }
        return out;
    }

    /**
     * A namespaced name resolved: only {@code endpointIds} may serve it, each asked for its own native name.
     *
     * @param namespace   the name as split
     * @param endpointIds the endpoints the namespace names
     * @param nativeNames endpoint id to the model name that endpoint is sent
     */
    public record Pin(ModelNamespace namespace, Set<String> endpointIds, Map<String, String> nativeNames) {

        public Pin {
            Objects.requireNonNull(namespace, "namespace");
            endpointIds = Set.copyOf(endpointIds);
            nativeNames = Map.copyOf(nativeNames);
        }
    }

    /** One namespaced entry of a model list: {@code endpoint/model} for one endpoint's copy of a shared name. */
    public record Listing(String name, UnifiedModel model, ModelSource source) {

        public Listing {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(source, "source");
        }
    }
}
