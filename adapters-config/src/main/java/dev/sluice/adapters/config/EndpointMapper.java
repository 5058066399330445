package dev.sluice.adapters.config;

import dev.sluice.adapters.config.schema.AuthConfig;
import dev.sluice.adapters.config.schema.EndpointConfig;
import dev.sluice.domain.endpoint.Endpoint;
import dev.sluice.domain.endpoint.EndpointIds;
import dev.sluice.domain.pattern.Glob;
import dev.sluice.domain.pattern.ModelFilter;
import dev.sluice.domain.profile.Profile;
import dev.sluice.domain.profile.ProfileCatalog;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
            String healthPath = orElse(config.healthCheckUrl(), orElse(profile.healthCheckPath(), "/"));
            String modelPath = orElse(config.modelUrl(), orElse(profile.modelDiscoveryPath(), "/v1/models"));
            int priority = config.priority() != null ? config.priority() : profile.characteristics().defaultPriority();
            endpoints.add(new Endpoint(id, nameOf(config, url), url, config.type(), profile, priority,
                    config.preservePath(), EndpointUrls.join(url, healthPath), EndpointUrls.join(url, modelPath),
                    config.checkInterval(), config.checkTimeout(),
                    new ModelFilter(globs(config.modelFilter().include()), globs(config.modelFilter().exclude())),
                    headers(config, key)));
        }
        return List.copyOf(endpoints);
    }

    static String nameOf(EndpointConfig config, URI url) {
        if (config.name() != null && !config.name().isBlank()) {
            return config.name().trim();
        }
        return url.getHost() + (url.getPort() > 0 ? ":" + url.getPort() : "");
    }

    private Map<String, String> headers(EndpointConfig config, String key) {
        Map<String, String> headers = new LinkedHashMap<>();
        config.headers().forEach((name, value) -> headers.put(name, secrets.expand(value, key + ".headers." + name)));
        AuthConfig auth = config.auth();
        if (auth != null) {
            // auth wins over a same-named entry in headers, as in Olla.
            authHeader(auth, key + ".auth").forEach((name, value) -> {
                headers.keySet().removeIf(h -> h.equalsIgnoreCase(name));
                headers.put(name, value);
            });
        }
        return headers;
    }

    private Map<String, String> authHeader(AuthConfig auth, String key) {
        String type = auth.type() == null ? "" : auth.type().toLowerCase(Locale.ROOT);
        switch (type) {
            case "bearer":
                return Map.of("Authorization", "Bearer " + secrets.inlineOrFile(auth.token(), auth.tokenFile(),
                        key + ".token"));
            case "api_key":
                String header = auth.header() == null || auth.header().isBlank() ? "X-Api-Key" : auth.header();
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
