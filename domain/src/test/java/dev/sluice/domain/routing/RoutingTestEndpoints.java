package dev.sluice.domain.routing;

import dev.sluice.domain.TestFleet;
import dev.sluice.domain.endpoint.Endpoint;
import dev.sluice.domain.pattern.Glob;
import dev.sluice.domain.profile.AnthropicSupport;
import dev.sluice.domain.profile.MetricsExtraction;
import dev.sluice.domain.profile.PlatformCharacteristics;
import dev.sluice.domain.profile.Profile;
import dev.sluice.domain.profile.ProviderTraits;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Endpoints of hosted and local platforms for the strategy tests. */
final class RoutingTestEndpoints {

    private static final ProviderTraits HOSTED = new ProviderTraits(Optional.of("bearer"), Optional.empty(), Map.of(),
            Optional.empty(), true, Optional.empty(), Optional.empty(), Map.of(), false);

    private RoutingTestEndpoints() {
    }

    /** A hosted API of this type whose catalogue's tool-calling models are exactly those matching {@code toolModels}. */
    static Endpoint hosted(String name, String type, String... toolModels) {
        Map<String, List<Glob>> patterns = toolModels.length == 0 ? Map.of()
                : Map.of("tools", java.util.Arrays.stream(toolModels).map(Glob::new).toList());
        Profile profile = new Profile(type, type, "hosted " + type, List.of(type), true, List.of("/v1/chat/completions"),
                "/v1/models", "/v1/models", AnthropicSupport.NONE, PlatformCharacteristics.DEFAULTS, patterns,
                List.of(), List.of("model"), type, MetricsExtraction.NONE, HOSTED, patterns.keySet());
        return TestFleet.endpoint(name).url("https://" + name + ".example").profile(profile).build();
    }

    /** A local server of this platform. */
    static Endpoint local(String name, String type) {
        return TestFleet.endpoint(name).profile(TestFleet.profile(type, type)).build();
    }
}
