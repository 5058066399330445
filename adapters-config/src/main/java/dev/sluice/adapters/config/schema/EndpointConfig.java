package dev.sluice.adapters.config.schema;

import java.time.Duration;
import java.util.Map;

/**
 * One entry of {@code discovery.static.endpoints}. Defaults that depend on the profile (health and model paths,
 * priority, and for hosted APIs {@code preserve_path}, {@code check_interval} and {@code check_timeout}) are applied
 * when it is mapped to a domain endpoint, so these stay null when not written.
 *
 * @param assumeHealthy never send health probes; real traffic alone takes the endpoint out of routing (Olla #104)
 * @param provider      settings only a hosted API needs (Sluice extension)
 * @param maxConcurrentRequests overrides the profile's limit for this endpoint; 0 means unlimited (ours)
 * @param costPerMillionTokens  what a million tokens cost here, for {@code proxy.load_balancer: cost-optimized} (ours)
 */
public record EndpointConfig(
        String url,
        String name,
        String type,
        Integer priority,
        Boolean preservePath,
        String healthCheckUrl,
        String modelUrl,
        Duration checkInterval,
        Duration checkTimeout,
        ModelFilterConfig modelFilter,
        AuthConfig auth,
        Map<String, String> headers,
        Boolean assumeHealthy,
        ProviderConfig provider,
        Integer maxConcurrentRequests,
        Double costPerMillionTokens) {

    public static final Duration DEFAULT_CHECK_INTERVAL = Duration.ofSeconds(5);
    public static final Duration DEFAULT_CHECK_TIMEOUT = Duration.ofSeconds(2);

    /** What runs when no endpoint is configured: a local Ollama on its usual port. */
    public static final EndpointConfig DEFAULT = new EndpointConfig("http://localhost:11434", "localhost", "ollama",
            100, false, null, null, DEFAULT_CHECK_INTERVAL, DEFAULT_CHECK_TIMEOUT, null, null, null, null, null, null, null);

    public EndpointConfig {
        modelFilter = modelFilter == null ? new ModelFilterConfig(null, null) : modelFilter;
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        assumeHealthy = assumeHealthy != null && assumeHealthy;
        provider = provider == null ? ProviderConfig.NONE : provider;
    }
}
