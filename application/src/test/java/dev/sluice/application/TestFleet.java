package dev.sluice.application;

import dev.sluice.domain.endpoint.Endpoint;
import dev.sluice.domain.endpoint.EndpointHealth;
import dev.sluice.domain.endpoint.EndpointIds;
import dev.sluice.domain.endpoint.EndpointStatus;
import dev.sluice.domain.pattern.ModelFilter;
import dev.sluice.domain.profile.AnthropicSupport;
import dev.sluice.domain.profile.MetricsExtraction;
import dev.sluice.domain.profile.PlatformCharacteristics;
import dev.sluice.domain.profile.Profile;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds endpoints and health records for application tests through the records' canonical constructors. */
public final class TestFleet {

    public static final Profile OLLAMA = new Profile("ollama", "Ollama", "test profile", List.of("ollama"), true,
            List.of("/api/chat"), "/api/tags", "/", AnthropicSupport.NONE, PlatformCharacteristics.DEFAULTS,
            Map.of(), List.of(), List.of(), "ollama", MetricsExtraction.NONE);

    private TestFleet() {
    }

    /** An endpoint at {@code http://<name>:11434}, priority 100, probed every {@code checkInterval}. */
    public static Endpoint endpoint(String name, Duration checkInterval) {
        URI url = URI.create("http://" + name + ":11434");
        return new Endpoint(EndpointIds.of(url), name, url, "ollama", OLLAMA, 100, false, url.resolve("/"),
                url.resolve("/api/tags"), checkInterval, Duration.ofSeconds(1), ModelFilter.ALLOW_ALL, Map.of());
    }

    public static Endpoint endpoint(String name) {
        return endpoint(name, Duration.ofSeconds(5));
    }

    /** A health in {@code status}, as a probe at {@code at} would have left it. */
    public static EndpointHealth health(EndpointStatus status, Instant at) {
        boolean healthy = status == EndpointStatus.HEALTHY;
        return new EndpointHealth(status, Optional.of(at), at.plusSeconds(5), Duration.ofMillis(10),
                healthy ? 0 : 1, healthy ? 1 : 2, healthy ? Optional.empty() : Optional.of("test"));
    }
}
