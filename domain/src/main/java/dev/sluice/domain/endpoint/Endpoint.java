package dev.sluice.domain.endpoint;

import dev.sluice.domain.pattern.ModelFilter;
import dev.sluice.domain.profile.Profile;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * A configured backend. Configuration only: it never changes while the process runs; its health lives in
 * {@link EndpointHealth} snapshots held elsewhere.
 *
 * @param id              stable short id derived from the sanitised URL (see {@link EndpointIds})
 * @param name            the operator's display name, unique within the fleet
 * @param url             base URL as configured, with any credentials removed
 * @param type            the endpoint {@code type} exactly as configured (reported in headers and status)
 * @param profile         the platform profile the type selected
 * @param priority        higher wins; 0 is allowed
 * @param preservePath    keep the base URL's path when proxying instead of replacing it
 * @param healthCheckUrl  absolute URL probed for health
 * @param modelUrl        absolute URL asked for the model list
 * @param checkInterval   time between probes while healthy
 * @param checkTimeout    how long one probe may take
 * @param modelFilter     which discovered models this endpoint exposes
 * @param outboundHeaders headers added to every request we send it (auth and configured headers, secrets resolved)
 * @param provider        what a hosted API needs beyond these ({@link ProviderSettings#NONE} for local servers)
 */
public record Endpoint(
        String id,
        String name,
        URI url,
        String type,
        Profile profile,
        int priority,
        boolean preservePath,
        URI healthCheckUrl,
        URI modelUrl,
        Duration checkInterval,
        Duration checkTimeout,
        ModelFilter modelFilter,
        Map<String, String> outboundHeaders,
        ProviderSettings provider) {

    public Endpoint {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(healthCheckUrl, "healthCheckUrl");
        Objects.requireNonNull(modelUrl, "modelUrl");
        Objects.requireNonNull(checkInterval, "checkInterval");
        Objects.requireNonNull(checkTimeout, "checkTimeout");
        Objects.requireNonNull(modelFilter, "modelFilter");
        outboundHeaders = Map.copyOf(outboundHeaders);
        if (url.getUserInfo() != null) {
            throw new IllegalArgumentException("endpoint URL must not carry credentials: " + name);
        }
        if (priority < 0) {
            throw new IllegalArgumentException("priority must be >= 0: " + name);
        }
    }

    /** An endpoint of a local server: no provider settings. */
    public Endpoint(String id, String name, URI url, String type, Profile profile, int priority, boolean preservePath,
                    URI healthCheckUrl, URI modelUrl, Duration checkInterval, Duration checkTimeout,
                    ModelFilter modelFilter, Map<String, String> outboundHeaders) {
        this(id, name, url, type, profile, priority, preservePath, healthCheckUrl, modelUrl, checkInterval,
                checkTimeout, modelFilter, outboundHeaders, ProviderSettings.NONE);
    }

    /** The names of headers whose values are secrets we add, so they are never echoed back from a backend. */
    public java.util.Set<String> credentialHeaderNames() {
        return outboundHeaders.keySet();
    }

    @Override
    public String toString() {
        // Never print header values: they hold credentials.
        return "Endpoint[" + name + " " + url + " type=" + type + "]";
    }
}
