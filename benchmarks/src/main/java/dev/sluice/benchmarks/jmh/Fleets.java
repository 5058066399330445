package dev.sluice.benchmarks.jmh;

import dev.sluice.domain.endpoint.Endpoint;
import dev.sluice.domain.endpoint.EndpointIds;
import dev.sluice.domain.pattern.ModelFilter;
import dev.sluice.domain.profile.AnthropicSupport;
import dev.sluice.domain.profile.MetricsExtraction;
import dev.sluice.domain.profile.PlatformCharacteristics;
import dev.sluice.domain.profile.Profile;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Endpoints for the microbenchmarks, built through the domain records' own constructors. */
final class Fleets {

    static final Profile OLLAMA = new Profile("ollama", "Ollama", "benchmark profile", List.of("ollama"), true,
            List.of("/api/chat", "/v1/chat/completions"), "/api/tags", "/", AnthropicSupport.NONE,
            PlatformCharacteristics.DEFAULTS, Map.of(), List.of(), List.of("model"), "ollama", MetricsExtraction.NONE);

    private Fleets() {
    }

    /** {@code count} Ollama endpoints named {@code node-000...}, all priority 100. */
    static List<Endpoint> endpoints(int count) {
        List<Endpoint> endpoints = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            URI url = URI.create("http://10.0." + (i / 250) + "." + (i % 250 + 1) + ":11434");
            endpoints.add(new Endpoint(EndpointIds.of(url), String.format("node-%03d", i), url, "ollama", OLLAMA, 100,
                    false, url.resolve("/"), url.resolve("/api/tags"), Duration.ofSeconds(5), Duration.ofSeconds(2),
                    ModelFilter.ALLOW_ALL, Map.of()));
        }
        return endpoints;
    }
}
