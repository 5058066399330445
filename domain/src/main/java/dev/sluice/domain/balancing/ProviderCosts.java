package dev.sluice.domain.balancing;

import dev.sluice.domain.endpoint.Endpoint;
import dev.sluice.domain.profile.ProviderTraits;
import java.util.Map;
import java.util.Objects;

/**
 * What {@code cost-optimized} thinks each endpoint costs per million tokens: the endpoint's own
 * {@code cost_per_million_tokens} when set, else 0 for a local server and, for a hosted API, a rank that follows
 * the usual price order (OpenRouter and Groq, then Gemini, Anthropic, OpenAI, Azure, Bedrock). Operators who know
 * their prices write them; the ranks only keep local first and the cheap aggregators before the big clouds.
 */
public final class ProviderCosts {

    private static final Map<String, Double> HOSTED_RANKS = Map.of(
            "openrouter", 1.0, "groq", 1.0, "gemini", 2.0, "anthropic", 3.0, "openai-api", 4.0,
            "azure-openai", 5.0, "bedrock", 6.0);
    private static final double UNKNOWN_HOSTED = 5.0;

    private final Map<String, Double> byEndpointId;

    /** @param byEndpointId configured prices by endpoint id; endpoints not in it get their profile's default */
    public ProviderCosts(Map<String, Double> byEndpointId) {
        this.byEndpointId = Map.copyOf(Objects.requireNonNull(byEndpointId, "byEndpointId"));
    }

    public double of(Endpoint endpoint) {
        Double configured = byEndpointId.get(endpoint.id());
        if (configured != null) {
            return configured;
        }
        if (endpoint.profile().provider().equals(ProviderTraits.NONE)) {
            return 0.0;
        }
        return HOSTED_RANKS.getOrDefault(endpoint.profile().name(), UNKNOWN_HOSTED);
    }
}
