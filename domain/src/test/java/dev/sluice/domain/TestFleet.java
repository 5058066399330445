package dev.sluice.domain;

import dev.sluice.domain.endpoint.Endpoint;
import dev.sluice.domain.endpoint.EndpointIds;
import dev.sluice.domain.pattern.Glob;
import dev.sluice.domain.pattern.ModelFilter;
import dev.sluice.domain.profile.AnthropicSupport;
import dev.sluice.domain.profile.ContextPattern;
import dev.sluice.domain.profile.MetricsExtraction;
import dev.sluice.domain.profile.PlatformCharacteristics;
import dev.sluice.domain.profile.Profile;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Builds profiles and endpoints for domain tests through the records' canonical constructors, with defaults a test
 * only overrides where the behaviour under test depends on it.
 */
public final class TestFleet {

    private TestFleet() {
    }

    /** A profile that claims {@code prefixes} and knows no capability or context patterns. */
    public static Profile profile(String name, String... prefixes) {
        return profile(name, List.of(prefixes), Map.of(), List.of());
    }

    public static Profile profile(String name, List<String> prefixes, Map<String, List<Glob>> capabilityPatterns,
                                  List<ContextPattern> contextPatterns) {
        return new Profile(name, name, "test profile " + name, prefixes, true, List.of("/v1/chat/completions"),
                "/api/tags", "/", AnthropicSupport.NONE, PlatformCharacteristics.DEFAULTS, capabilityPatterns,
                contextPatterns, List.of(), name, MetricsExtraction.NONE);
    }

    public static EndpointBuilder endpoint(String name) {
        return new EndpointBuilder(name);
    }

    /** Defaults: {@code http://<name>:11434}, priority 100, an {@code ollama} profile, 5 s interval, 2 s timeout. */
    public static final class EndpointBuilder {
        private final String name;
        private URI url;
        private Profile profile = TestFleet.profile("ollama", "ollama");
        private int priority = 100;
        private Duration checkInterval = Duration.ofSeconds(5);
        private Duration checkTimeout = Duration.ofSeconds(2);
        private ModelFilter modelFilter = ModelFilter.ALLOW_ALL;
        private Map<String, String> headers = Map.of();
        private dev.sluice.domain.endpoint.ProviderSettings provider = dev.sluice.domain.endpoint.ProviderSettings.NONE;

        private EndpointBuilder(String name) {
            this.name = name;
            this.url = URI.create("http://" + name + ":11434");
        }

        public EndpointBuilder url(String url) {
            this.url = URI.create(url);
            return this;
        }

        public EndpointBuilder profile(Profile profile) {
            this.profile = profile;
            return this;
        }

        public EndpointBuilder priority(int priority) {
            this.priority = priority;
            return this;
        }

        public EndpointBuilder checkInterval(Duration checkInterval) {
            this.checkInterval = checkInterval;
            return this;
        }

        public EndpointBuilder checkTimeout(Duration checkTimeout) {
            this.checkTimeout = checkTimeout;
            return this;
        }

        public EndpointBuilder modelFilter(ModelFilter modelFilter) {
            this.modelFilter = modelFilter;
            return this;
        }

        public EndpointBuilder headers(Map<String, String> headers) {
            this.headers = headers;
            return this;
        }

        public EndpointBuilder provider(dev.sluice.domain.endpoint.ProviderSettings provider) {
            this.provider = provider;
            return this;
        }

        public Endpoint build() {
            // The id is derived from the sanitised URL, so userinfo in url still reaches the constructor's check.
            return new Endpoint(EndpointIds.of(url), name, url, profile.name(), profile, priority, false,
                    url.resolve("/"), url.resolve("/api/tags"), checkInterval, checkTimeout, modelFilter, headers, provider);
        }
    }
}
