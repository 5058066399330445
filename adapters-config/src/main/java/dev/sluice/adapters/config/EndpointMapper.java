package dev.sluice.adapters.config;

import dev.sluice.adapters.config.schema.AuthConfig;
import dev.sluice.adapters.config.schema.EndpointConfig;
import dev.sluice.domain.endpoint.AwsSigning;
import dev.sluice.domain.endpoint.Endpoint;
import dev.sluice.domain.endpoint.EndpointIds;
import dev.sluice.domain.endpoint.ProviderSettings;
import dev.sluice.domain.pattern.Glob;
import dev.sluice.domain.pattern.ModelFilter;
import dev.sluice.domain.profile.Profile;
import dev.sluice.domain.profile.ProfileCatalog;
import dev.sluice.domain.profile.ProviderTraits;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns the validated {@code discovery.static.endpoints} into domain endpoints, resolving profiles and secrets. */
final class EndpointMapper {

    private final ProfileCatalog profiles;
    private final SecretResolver secrets;

    EndpointMapper(ProfileCatalog profiles, SecretResolver secrets) {
        this.profiles = profiles;
        this.secrets = secrets;
    }

    List<Endpoint> map(List<EndpointConfig> configs) {
        List<Endpoint> endpoints = new ArrayList<>();
        Map<String, Integer> idUses = new HashMap<>();
        for (int i = 0; i < configs.size(); i++) {
            EndpointConfig config = configs.get(i);
            String key = "discovery.static.endpoints[" + i + "]";
            URI url = EndpointUrls.parseBase(config.url(), key + ".url");
            Profile profile = profiles.forType(config.type()).orElseThrow();
            String baseId = EndpointIds.of(url);
            int use = idUses.merge(baseId, 1, Integer::sum);
            // Olla's rule: siblings sharing a URL get -2, -3 ... so each keeps a distinct id.
            String id = use == 1 ? baseId : baseId + "-" + use;
            ProviderTraits traits = profile.provider();
            Optional<String> apiVersion = EndpointDefaults.apiVersion(config, traits);
            String healthPath = EndpointDefaults.withApiVersion(
                    orElse(config.healthCheckUrl(), orElse(profile.healthCheckPath(), "/")), apiVersion);
            String modelPath = EndpointDefaults.withApiVersion(
                    orElse(config.modelUrl(), orElse(profile.modelDiscoveryPath(), "/v1/models")), apiVersion);
            int priority = config.priority() != null ? config.priority() : profile.characteristics().defaultPriority();
            String authType = EndpointDefaults.authType(config, traits);
            Optional<AwsSigning> signing = traits.awsSigningService().map(service -> signing(config, service, key));
            String hint = signing.isPresent() ? CredentialHints.aws(config.provider(), key)
                    : CredentialHints.of(config.auth(), authType, key);
            Optional<URI> runtimeUrl = Optional.ofNullable(config.provider().runtimeUrl())
                    .map(u -> EndpointUrls.parseBase(u, key + ".provider.runtime_url"));
            ProviderSettings provider = new ProviderSettings(apiVersion, config.provider().deployments(),
                    config.assumeHealthy(), hint, signing, "native".equals(config.provider().api()), runtimeUrl);
            endpoints.add(new Endpoint(id, nameOf(config, url), url, config.type(), profile, priority,
                    EndpointDefaults.preservePath(config, traits), EndpointUrls.join(url, healthPath),
                    EndpointUrls.join(url, modelPath), EndpointDefaults.checkInterval(config, traits),
                    EndpointDefaults.checkTimeout(config, traits),
                    new ModelFilter(globs(config.modelFilter().include()), globs(config.modelFilter().exclude())),
                    headers(config, key, traits, authType, apiVersion), provider));
        }
        return List.copyOf(endpoints);
    }

    private AwsSigning signing(EndpointConfig config, String service, String key) {
        var p = config.provider();
        String at = key + ".provider.";
        String token = secrets.inlineOrFile(p.sessionToken(), p.sessionTokenFile(), at + "session_token");
        return new AwsSigning(p.region().trim(), service,
                secrets.inlineOrFile(p.accessKeyId(), p.accessKeyIdFile(), at + "access_key_id"),
                secrets.inlineOrFile(p.secretAccessKey(), p.secretAccessKeyFile(), at + "secret_access_key"),
                Optional.ofNullable(token).filter(t -> !t.isEmpty()));
    }

    static String nameOf(EndpointConfig config, URI url) {
        if (config.name() != null && !config.name().isBlank()) {
            return config.name().trim();
        }
        return url.getHost() + (url.getPort() > 0 ? ":" + url.getPort() : "");
    }

    private Map<String, String> headers(EndpointConfig config, String key, ProviderTraits traits, String authType,
                                        Optional<String> apiVersion) {
        Map<String, String> headers = new LinkedHashMap<>();
        // The provider's fixed headers (anthropic-version) first, so the endpoint's own headers replace them.
        traits.headers().forEach((name, value) -> headers.put(name, EndpointDefaults.withApiVersion(value, apiVersion)));
        config.headers().forEach((name, value) -> {
            headers.keySet().removeIf(h -> h.equalsIgnoreCase(name));
            headers.put(name, secrets.expand(value, key + ".headers." + name));
        });
        AuthConfig auth = config.auth();
        if (auth != null) {
            // auth wins over a same-named entry in headers, as in Olla.
            authHeader(auth, key + ".auth", authType, traits).forEach((name, value) -> {
                headers.keySet().removeIf(h -> h.equalsIgnoreCase(name));
                headers.put(name, value);
            });
        }
        return headers;
    }

    private Map<String, String> authHeader(AuthConfig auth, String key, String type, ProviderTraits traits) {
        switch (type) {
            case "bearer":
                return Map.of("Authorization", "Bearer " + secrets.inlineOrFile(auth.token(), auth.tokenFile(),
                        key + ".token"));
            case "api_key":
                // The provider's header (x-api-key, api-key, x-goog-api-key) unless the endpoint names its own.
                String header = auth.header() == null || auth.header().isBlank()
                        ? traits.authHeader().orElse("X-Api-Key") : auth.header();
                return Map.of(header, secrets.inlineOrFile(auth.key(), auth.keyFile(), key + ".key"));
            default:
                String user = secrets.inlineOrFile(auth.username(), auth.usernameFile(), key + ".username");
                String pass = secrets.inlineOrFile(auth.password(), auth.passwordFile(), key + ".password");
                String pair = (user == null ? "" : user) + ":" + (pass == null ? "" : pass);
                return Map.of("Authorization",
                        "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
    }

    private static List<Glob> globs(List<String> patterns) {
        return patterns.stream().map(Glob::new).toList();
    }

    private static String orElse(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
