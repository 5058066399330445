package dev.sluice.domain.profile;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How a hosted API differs from a local server, from a profile's {@code provider} section (a Sluice extension of
 * Olla's schema). Every field is a default an endpoint of the profile may override in its own config.
 *
 * @param authType          the {@code auth.type} used when an endpoint's auth block names none ({@code bearer},
 *                          {@code api_key})
 * @param authHeader        the header an {@code api_key} goes in when the endpoint names none ({@code x-api-key})
 * @param headers           headers every request carries; {@code {api_version}} in a value is the endpoint's API
 *                          version ({@code anthropic-version: "{api_version}"})
 * @param apiVersion        the API version used when the endpoint sets none
 * @param preservePath      the {@code preserve_path} default: hosted APIs live under their base URL's path
 * @param checkInterval     the {@code check_interval} default: a health call on a paid API is not free
 * @param checkTimeout      the {@code check_timeout} default: serverless APIs answer slowly from cold
 * @param pathRewrites      request path prefix to upstream path prefix, applied when proxying
 *                          ({@code /v1/} to {@code /v1beta/openai/} for Gemini's OpenAI-compatible surface)
 * @param deploymentRouting requests go to a per-model deployment URL (Azure OpenAI)
 * @param awsSigningService requests are signed with AWS SigV4 under this signing name ({@code bedrock}); the
 *                          endpoint supplies region and credentials
 */
public record ProviderTraits(Optional<String> authType, Optional<String> authHeader, Map<String, String> headers,
                             Optional<String> apiVersion, boolean preservePath, Optional<Duration> checkInterval,
                             Optional<Duration> checkTimeout, Map<String, String> pathRewrites,
                             boolean deploymentRouting, Optional<String> awsSigningService) {

    /** A local server: nothing differs. */
    public static final ProviderTraits NONE = new ProviderTraits(Optional.empty(), Optional.empty(), Map.of(),
            Optional.empty(), false, Optional.empty(), Optional.empty(), Map.of(), false);

    /** Traits of a provider whose requests are not signed. */
    public ProviderTraits(Optional<String> authType, Optional<String> authHeader, Map<String, String> headers,
                          Optional<String> apiVersion, boolean preservePath, Optional<Duration> checkInterval,
                          Optional<Duration> checkTimeout, Map<String, String> pathRewrites,
                          boolean deploymentRouting) {
        this(authType, authHeader, headers, apiVersion, preservePath, checkInterval, checkTimeout, pathRewrites,
                deploymentRouting, Optional.empty());
    }

    public ProviderTraits {
        Objects.requireNonNull(authType, "authType");
        Objects.requireNonNull(authHeader, "authHeader");
        // Insertion order kept: the first matching rewrite wins, so files list the most specific first.
        headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        Objects.requireNonNull(apiVersion, "apiVersion");
        Objects.requireNonNull(checkInterval, "checkInterval");
        Objects.requireNonNull(checkTimeout, "checkTimeout");
        pathRewrites = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(pathRewrites));
        Objects.requireNonNull(awsSigningService, "awsSigningService");
    }

    /** The request path as the provider serves it: the first rewrite whose prefix matches, else unchanged. */
    public String rewrite(String path) {
        for (Map.Entry<String, String> rule : pathRewrites.entrySet()) {
            if (path.startsWith(rule.getKey())) {
                return rule.getValue() + path.substring(rule.getKey().length());
            }
        }
        return path;
    }
}
