package dev.sluice.adapters.config.schema;

import java.time.Duration;
import java.util.Map;

/**
 * One entry of {@code discovery.static.endpoints}. Defaults that depend on the profile (health and model paths,
 * priority) are applied when it is mapped to a domain endpoint, so these stay null when not written.
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
        Map<String, String> headers) {

    /** What runs when no endpoint is configured: a local Ollama on its usual port. */
    public static final EndpointConfig DEFAULT = new EndpointConfig("http://localhost:11434", "localhost", "ollama",
            100, false, null, null, Duration.ofSeconds(5), Duration.ofSeconds(2), null, null, null);

    public EndpointConfig {
        preservePath = preservePath != null && preservePath;
        checkInterval = checkInterval == null ? Duration.ofSeconds(5) : checkInterval;
        checkTimeout = checkTimeout == null ? Duration.ofSeconds(2) : checkTimeout;
        modelFilter = modelFilter == null ? new ModelFilterConfig(null, null) : modelFilter;
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }
}
