package dev.sluice.adapters.config;

import dev.sluice.adapters.config.schema.EndpointConfig;
import dev.sluice.domain.profile.ProviderTraits;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The endpoint settings whose defaults come from its profile: a hosted API is checked far less often than a local
 * server (each check may cost quota) and given longer to answer (serverless APIs start cold). The validator and the
 * mapper both ask here, so what is validated is what runs.
 */
final class EndpointDefaults {

    private EndpointDefaults() {
    }

    static Duration checkInterval(EndpointConfig config, ProviderTraits traits) {
        if (config.checkInterval() != null) {
            return config.checkInterval();
        }
        return traits.checkInterval().orElse(EndpointConfig.DEFAULT_CHECK_INTERVAL);
    }

    static Duration checkTimeout(EndpointConfig config, ProviderTraits traits) {
        if (config.checkTimeout() != null) {
            return config.checkTimeout();
        }
        return traits.checkTimeout().orElse(EndpointConfig.DEFAULT_CHECK_TIMEOUT);
    }

    static boolean preservePath(EndpointConfig config, ProviderTraits traits) {
        return config.preservePath() != null ? config.preservePath() : traits.preservePath();
    }

    static Optional<String> apiVersion(EndpointConfig config, ProviderTraits traits) {
        String configured = config.provider().apiVersion();
        return configured != null && !configured.isBlank() ? Optional.of(configured.trim()) : traits.apiVersion();
    }

    /** The auth type in effect: the endpoint's own, else the profile's default; empty when neither says. */
    static String authType(EndpointConfig config, ProviderTraits traits) {
        String written = config.auth() == null || config.auth().type() == null ? "" : config.auth().type().trim();
        return (written.isEmpty() ? traits.authType().orElse("") : written).toLowerCase(Locale.ROOT);
    }

    /** {@code {api_version}} in a profile's path or header value, replaced by the endpoint's API version. */
    static String withApiVersion(String template, Optional<String> apiVersion) {
        return template.replace("{api_version}", apiVersion.orElse(""));
    }
}
