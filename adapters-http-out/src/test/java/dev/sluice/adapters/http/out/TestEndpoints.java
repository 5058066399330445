package dev.sluice.adapters.http.out;

import dev.sluice.domain.endpoint.Endpoint;
import dev.sluice.domain.endpoint.EndpointIds;
import dev.sluice.domain.pattern.ModelFilter;
import dev.sluice.domain.profile.AnthropicSupport;
import dev.sluice.domain.profile.MetricsExtraction;
import dev.sluice.domain.profile.PlatformCharacteristics;
import dev.sluice.domain.profile.Profile;
import dev.sluice.simulator.SimulatedBackend;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Endpoints and profiles as the config adapter would build them, with only what these tests vary. */
final class TestEndpoints {

    static final Duration CHECK_TIMEOUT = Duration.ofSeconds(2);

    private TestEndpoints() {
    }

    static Profile profile(String name, String responseFormat) {
        return new Profile(name, name, "test profile", List.of(name), true, List.of("/v1/models"), "/v1/models",
                "/health", AnthropicSupport.NONE, PlatformCharacteristics.DEFAULTS, Map.of(), List.of(), List.of(),
                responseFormat, MetricsExtraction.NONE);
    }

    /** An endpoint at {@code base} whose health and model URLs are the given paths on it. */
    static Endpoint endpoint(URI base, String healthPath, String modelPath, String responseFormat,
                             Duration checkTimeout, Map<String, String> headers) {
        return new Endpoint(EndpointIds.of(base), "test-" + responseFormat, base, responseFormat,
                profile(responseFormat, responseFormat), 0, false, base.resolve(healthPath),
                base.resolve(modelPath), Duration.ofSeconds(5), checkTimeout, ModelFilter.ALLOW_ALL, headers);
    }

    /** An endpoint for a simulated backend, using the backend kind's own health and discovery paths. */
    static Endpoint forBackend(SimulatedBackend backend, String responseFormat) {
        return forBackend(backend, responseFormat, CHECK_TIMEOUT, Map.of());
    }

    static Endpoint forBackend(SimulatedBackend backend, String responseFormat, Duration checkTimeout,
                               Map<String, String> headers) {
        return endpoint(backend.baseUri(), backend.kind().healthPath(), backend.kind().discoveryPath(),
                responseFormat, checkTimeout, headers);
    }
}
