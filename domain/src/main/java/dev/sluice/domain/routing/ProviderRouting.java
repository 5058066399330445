package dev.sluice.domain.routing;

import dev.sluice.domain.balancing.Fit;
import dev.sluice.domain.balancing.ModelAbilities;
import dev.sluice.domain.balancing.RequestNeeds;
import dev.sluice.domain.endpoint.Endpoint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What {@code model-based} and {@code capability-based} add to the model router's decision, before any endpoint is
 * picked. Pure: the same inputs give the same answer.
 *
 * <p>Model-based: a model no catalogue lists goes to the endpoints its name's pattern maps to (a cloud model before
 * discovery has listed it, or on a provider whose list omits it) instead of being refused; among the endpoints that
 * do serve it, the pattern's providers rank first, in the pattern's order, and the rest stay as failover targets.
 *
 * <p>Capability-based, on top: endpoints whose copy of the model is known to lack what the request needs (tools,
 * images, embeddings, a large enough context window) are dropped, and those known to have it rank before those
 * nobody knows about. If every endpoint lacks something the request is refused (400) naming what is missing, unless
 * {@code forwardUnfit} sends it on for the backend to judge.
 */
public final class ProviderRouting {

    private final ModelPatterns patterns;
    private final boolean checkCapabilities;
    private final boolean forwardUnfit;

    /**
     * @param checkCapabilities capability-based: drop and rank endpoints by what the request needs
     * @param forwardUnfit      when every endpoint lacks something, send the request anyway rather than refuse it
     */
    public ProviderRouting(ModelPatterns patterns, boolean checkCapabilities, boolean forwardUnfit) {
        this.patterns = Objects.requireNonNull(patterns, "patterns");
        this.checkCapabilities = checkCapabilities;
        this.forwardUnfit = forwardUnfit;
    }

    /** Whether {@link #shape} reads the request's needs (capability-based); model-based reads only the name. */
    public boolean checksCapabilities() {
        return checkCapabilities;
    }

    /**
     * @param decision   the model router's (or the alias table's) decision; a {@link RefreshFirst} is returned as is
     * @param candidates endpoints the request may be sent to now (route scope, health)
     * @param hostingIds ids of every endpoint whose catalogue lists the model, routable or not
     * @param abilities  what the catalogue knows of the model on one endpoint
     */
    public ShapedDecision shape(RoutingDecision decision, List<Endpoint> candidates, Set<String> hostingIds,
                                String model, RequestNeeds needs, Function<Endpoint, ModelAbilities> abilities) {
        if (decision instanceof RefreshFirst) {
            return ShapedDecision.unshaped(decision);
        }
        Optional<ModelPattern> pattern = patterns.match(model);
        RoutingDecision routed = decision;
        if (hostingIds.isEmpty() && pattern.isPresent()) {
            List<Endpoint> byPattern = candidates.stream().filter(pattern.get()::servedBy).toList();
            if (!byPattern.isEmpty()) {
                routed = new Routed(byPattern, decision.strategy(), "model_pattern", false);
            }
        }
        if (!(routed instanceof Routed r)) {
            return ShapedDecision.unshaped(routed);
        }
        int span = pattern.map(p -> p.providers().size() + 1).orElse(1);
        Map<String, Integer> ranks = new HashMap<>();
        List<Endpoint> kept = new ArrayList<>();
        Set<String> missing = new LinkedHashSet<>();
        long largestWindow = 0;
        for (Endpoint endpoint : r.endpoints()) {
            int preference = pattern.map(p -> p.preference(endpoint)).orElse(0);
            int fit = 0;
            if (checkCapabilities) {
                ModelAbilities known = abilities.apply(endpoint);
                Fit f = known.fit(needs);
                largestWindow = Math.max(largestWindow, known.contextLength());
                if (f == Fit.UNFIT) {
                    missing.addAll(known.lacks(needs));
                    continue;
                }
                fit = f.ordinal();
            }
            kept.add(endpoint);
            ranks.put(endpoint.id(), fit * span + preference);
        }
        if (kept.isEmpty() && !r.endpoints().isEmpty()) {
            if (!forwardUnfit) {
                return ShapedDecision.unshaped(new Rejected(RejectionKind.UNFIT, r.strategy(), "capability_mismatch",
                        explain(missing, needs, largestWindow)));
            }
            // Forwarded for the backend to judge: the pattern's order still applies.
            r.endpoints().forEach(e -> ranks.put(e.id(), pattern.map(p -> p.preference(e)).orElse(0)));
            return new ShapedDecision(r, ranks);
        }
        return new ShapedDecision(new Routed(kept, r.strategy(), r.reason(), r.fallback()), ranks);
    }

    private static String explain(Set<String> missing, RequestNeeds needs, long largestWindow) {
        List<String> parts = new ArrayList<>();
        for (String capability : missing) {
            switch (capability) {
                case "tools" -> parts.add("tool calling");
                case "vision" -> parts.add("image input");
                case "embeddings" -> parts.add("embeddings");
                case "generation" -> parts.add("chat or text generation (it is an embeddings model)");
                case "context" -> parts.add("a context window of about " + needs.promptTokens()
                        + " tokens (the largest known here is " + largestWindow + ")");
                default -> parts.add(capability);
            }
        }
        return "the request needs " + String.join(" and ", parts) + (parts.size() == 1
                ? ", which no endpoint serving this model supports" : "; no endpoint serving this model has all of it");
    }
}
