package dev.sluice.domain.routing;

import dev.sluice.domain.endpoint.Endpoint;
import dev.sluice.domain.pattern.Glob;
import dev.sluice.domain.profile.ProviderTraits;
import java.util.List;
import java.util.Objects;

/**
 * One line of the model-pattern table: model names matching {@code pattern} belong to these providers, most
 * preferred first ({@code claude-*} to {@code anthropic}; {@code gpt-*} to {@code openai-api}, then
 * {@code azure-openai}).
 *
 * @param providers endpoint types or profile names ({@code anthropic}, {@code openai-api}, {@code ollama}), endpoint
 *                  names, or {@code local} for any local server (a platform that is not a hosted API)
 */
public record ModelPattern(Glob pattern, List<String> providers) {

    /** The provider word that stands for every local server. */
    public static final String LOCAL = "local";

    public ModelPattern {
        Objects.requireNonNull(pattern, "pattern");
        providers = List.copyOf(providers);
        if (providers.isEmpty()) {
            throw new IllegalArgumentException("model pattern " + pattern.pattern() + " names no provider");
        }
    }

    public ModelPattern(String pattern, String... providers) {
        this(new Glob(pattern), List.of(providers));
    }

    public boolean matches(String model) {
        return pattern.matches(model);
    }

    /** Whether the endpoint is one of the providers. */
    public boolean servedBy(Endpoint endpoint) {
        return preference(endpoint) < providers.size();
    }

    /** The index of the first provider the endpoint is, or {@code providers().size()} when it is none of them. */
    public int preference(Endpoint endpoint) {
        for (int i = 0; i < providers.size(); i++) {
            if (is(endpoint, providers.get(i))) {
                return i;
            }
        }
        return providers.size();
    }

    private static boolean is(Endpoint endpoint, String provider) {
        if (provider.equalsIgnoreCase(LOCAL)) {
            return endpoint.profile().provider().equals(ProviderTraits.NONE);
        }
        return endpoint.name().equalsIgnoreCase(provider) || endpoint.type().equalsIgnoreCase(provider)
                || endpoint.profile().answersTo(provider);
    }
}
