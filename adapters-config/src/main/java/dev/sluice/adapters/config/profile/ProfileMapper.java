package dev.sluice.adapters.config.profile;

import dev.sluice.adapters.config.problem.ConfigException;
import dev.sluice.domain.pattern.Glob;
import dev.sluice.domain.profile.AnthropicSupport;
import dev.sluice.domain.profile.ContextPattern;
import dev.sluice.domain.profile.MetricsExtraction;
import dev.sluice.domain.profile.PlatformCharacteristics;
import dev.sluice.domain.profile.Profile;
import dev.sluice.domain.profile.ProviderTraits;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Turns a bound profile file into a domain {@link Profile}, applying the defaults a partial profile needs. */
final class ProfileMapper {

    private ProfileMapper() {
    }

    static Profile map(ProfileDocument doc, String source) {
        if (doc.name() == null || doc.name().isBlank()) {
            throw new ConfigException(source + ": profile has no 'name': add one (it is how endpoints select it)");
        }
        var api = doc.api() == null ? new ProfileDocument.Api(null, null, null, null, null) : doc.api();
        var models = doc.models() == null ? new ProfileDocument.Models(null, null, null, null, null) : doc.models();
        var request = doc.request() == null ? new ProfileDocument.Request(null, null) : doc.request();
        Map<String, List<Glob>> capabilities = new LinkedHashMap<>();
        if (models.capabilityPatterns() != null) {
            models.capabilityPatterns().forEach((capability, patterns) ->
                    capabilities.put(capability, list(patterns).stream().map(Glob::new).toList()));
        }
        List<ContextPattern> contexts = list(models.contextPatterns()).stream()
                .filter(c -> c.pattern() != null && c.context() != null && c.context() > 0)
                .map(c -> new ContextPattern(new Glob(c.pattern()), c.context()))
                .toList();
        return new Profile(
                doc.name().trim(),
                or(doc.displayName(), doc.name().trim()),
                or(doc.description(), ""),
                doc.routing() == null ? List.of() : list(doc.routing().prefixes()),
                Boolean.TRUE.equals(api.openaiCompatible()),
                list(api.paths()),
                or(api.modelDiscoveryPath(), "/v1/models"),
                or(api.healthCheckPath(), "/"),
                anthropic(api.anthropicSupport()),
                characteristics(doc.characteristics()),
                capabilities,
                contexts,
                request.modelFieldPaths() == null ? List.of("model") : list(request.modelFieldPaths()),
                or(request.responseFormat(), "openai"),
                extraction(doc.metrics()),
                provider(doc.provider()),
                list(models.completeCapabilities()).stream().filter(java.util.Objects::nonNull).map(String::trim)
                        .collect(java.util.stream.Collectors.toSet()));
    }

    private static ProviderTraits provider(ProfileDocument.Provider p) {
        if (p == null) {
            return ProviderTraits.NONE;
        }
        return new ProviderTraits(optional(p.authType()), optional(p.authHeader()), map(p.headers()),
                optional(p.apiVersion()), Boolean.TRUE.equals(p.preservePath()), Optional.ofNullable(p.checkInterval()),
                Optional.ofNullable(p.checkTimeout()), map(p.pathRewrites()), Boolean.TRUE.equals(p.deploymentRouting()),
                optional(p.awsSigningService()));
    }

    private static Optional<String> optional(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    private static AnthropicSupport anthropic(ProfileDocument.AnthropicSupport a) {
        if (a == null) {
            return AnthropicSupport.NONE;
        }
        return new AnthropicSupport(Boolean.TRUE.equals(a.enabled()), or(a.messagesPath(), "/v1/messages"),
                Boolean.TRUE.equals(a.tokenCount()), or(a.minVersion(), ""), list(a.limitations()));
    }

    private static PlatformCharacteristics characteristics(ProfileDocument.Characteristics c) {
        PlatformCharacteristics d = PlatformCharacteristics.DEFAULTS;
        if (c == null) {
            return d;
        }
        return new PlatformCharacteristics(
                c.timeout() == null ? d.timeout() : c.timeout(),
                c.maxConcurrentRequests() == null ? d.maxConcurrentRequests() : c.maxConcurrentRequests(),
                c.defaultPriority() == null ? d.defaultPriority() : c.defaultPriority(),
                c.streamingSupport() == null ? d.streamingSupport() : c.streamingSupport(),
                Boolean.TRUE.equals(c.singleModelServer()));
    }

    private static MetricsExtraction extraction(ProfileDocument.Metrics m) {
        if (m == null || m.extraction() == null) {
            return MetricsExtraction.NONE;
        }
        var e = m.extraction();
        return new MetricsExtraction(Boolean.TRUE.equals(e.enabled()), or(e.source(), "response_body"),
                or(e.format(), "json"), map(e.paths()), map(e.calculations()));
    }

    private static <T> List<T> list(List<T> list) {
        return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
    }

    private static Map<String, String> map(Map<String, String> map) {
        Map<String, String> out = new LinkedHashMap<>();
        if (map != null) {
            map.forEach((k, v) -> {
                if (k != null && v != null) {
                    out.put(k, v);
                }
            });
        }
        return out;
    }

    private static String or(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
