package dev.sluice.domain.profile;

import dev.sluice.domain.pattern.Glob;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What we know about one inference platform (Ollama, vLLM, ...): where it serves what, how it lists models, what it
 * can do. Built-in profiles ship as YAML; operators add or replace them by name.
 *
 * @param prefixes           the {@code /olla/<prefix>/} namespaces routed to this platform
 * @param paths              the API paths the platform serves; provider routes forward only these
 * @param responseFormat     which discovery parser reads its model list ({@code ollama}, {@code lmstudio}, ...)
 * @param capabilityPatterns capability name to model-name patterns that imply it
 * @param provider           how a hosted API differs from a local server ({@link ProviderTraits#NONE} for local ones)
 * @param completeCapabilities capabilities whose {@code capabilityPatterns} name every model of the platform that has
 *                           them, so a model matching none lacks it ({@code models.complete_capabilities}): true of a
 *                           hosted API's fixed catalogue, never of a server that runs whatever weights it is given
 */
public record Profile(
        String name,
        String displayName,
        String description,
        List<String> prefixes,
        boolean openaiCompatible,
        List<String> paths,
        String modelDiscoveryPath,
        String healthCheckPath,
        AnthropicSupport anthropicSupport,
        PlatformCharacteristics characteristics,
        Map<String, List<Glob>> capabilityPatterns,
        List<ContextPattern> contextPatterns,
        List<String> modelFieldPaths,
        String responseFormat,
        MetricsExtraction metricsExtraction,
        ProviderTraits provider,
        java.util.Set<String> completeCapabilities) {

    public Profile {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("profile name must not be blank");
        }
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(description, "description");
        prefixes = List.copyOf(prefixes);
        paths = List.copyOf(paths);
        Objects.requireNonNull(modelDiscoveryPath, "modelDiscoveryPath");
        Objects.requireNonNull(healthCheckPath, "healthCheckPath");
        Objects.requireNonNull(anthropicSupport, "anthropicSupport");
        Objects.requireNonNull(characteristics, "characteristics");
        capabilityPatterns = Map.copyOf(capabilityPatterns);
        contextPatterns = List.copyOf(contextPatterns);
        modelFieldPaths = List.copyOf(modelFieldPaths);
        Objects.requireNonNull(responseFormat, "responseFormat");
        Objects.requireNonNull(metricsExtraction, "metricsExtraction");
        completeCapabilities = java.util.Set.copyOf(completeCapabilities);
    }

    /** A profile whose capability patterns tag what they recognise and claim nothing of the rest. */
    public Profile(String name, String displayName, String description, List<String> prefixes,
                   boolean openaiCompatible, List<String> paths, String modelDiscoveryPath, String healthCheckPath,
                   AnthropicSupport anthropicSupport, PlatformCharacteristics characteristics,
                   Map<String, List<Glob>> capabilityPatterns, List<ContextPattern> contextPatterns,
                   List<String> modelFieldPaths, String responseFormat, MetricsExtraction metricsExtraction,
                   ProviderTraits provider) {
        this(name, displayName, description, prefixes, openaiCompatible, paths, modelDiscoveryPath, healthCheckPath,
                anthropicSupport, characteristics, capabilityPatterns, contextPatterns, modelFieldPaths, responseFormat,
                metricsExtraction, provider, java.util.Set.of());
    }

    /** A local server's profile: no provider traits. */
    public Profile(String name, String displayName, String description, List<String> prefixes,
                   boolean openaiCompatible, List<String> paths, String modelDiscoveryPath, String healthCheckPath,
                   AnthropicSupport anthropicSupport, PlatformCharacteristics characteristics,
                   Map<String, List<Glob>> capabilityPatterns, List<ContextPattern> contextPatterns,
                   List<String> modelFieldPaths, String responseFormat, MetricsExtraction metricsExtraction) {
        this(name, displayName, description, prefixes, openaiCompatible, paths, modelDiscoveryPath, healthCheckPath,
                anthropicSupport, characteristics, capabilityPatterns, contextPatterns, modelFieldPaths, responseFormat,
                metricsExtraction, ProviderTraits.NONE);
    }

    /** Whether {@code type} (as written in an endpoint's config) names this profile or one of its prefixes. */
    public boolean answersTo(String type) {
        String wanted = type.toLowerCase(Locale.ROOT);
        return name.equalsIgnoreCase(wanted) || prefixes.stream().anyMatch(p -> p.equalsIgnoreCase(wanted));
    }

    /** Capabilities implied by the model's name under this platform's patterns, sorted by name. */
    public List<String> capabilitiesOf(String modelName) {
        return capabilityPatterns.entrySet().stream()
                .filter(e -> e.getValue().stream().anyMatch(g -> g.matches(modelName)))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }

    /** Context length implied by the model's name, 0 when no pattern says. */
    public long contextLengthOf(String modelName) {
        return contextPatterns.stream()
                .filter(c -> c.pattern().matches(modelName))
                .mapToLong(ContextPattern::context)
                .findFirst()
                .orElse(0);
    }
}
