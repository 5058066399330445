package dev.sluice.adapters.http.out;

import java.time.Duration;
import java.util.Objects;

/**
 * What the outbound adapter needs from configuration.
 *
 * @param version           our version, sent in the {@code User-Agent} of probes and discovery requests
 * @param discoveryTimeout  how long one model-list request may take in total ({@code model_discovery.timeout})
 * @param maxDiscoveryBytes the largest model-list answer we buffer; a bigger one fails discovery
 * @param connectTimeout    how long opening a TCP connection to a backend may take
 */
public record HttpOutSettings(String version, Duration discoveryTimeout, long maxDiscoveryBytes,
                              Duration connectTimeout) {

    /** Olla's default discovery timeout. */
    public static final Duration DEFAULT_DISCOVERY_TIMEOUT = Duration.ofSeconds(30);
    /** Model lists are a few KiB; even a thousand-model LiteLLM gateway stays far below this. */
    public static final long DEFAULT_MAX_DISCOVERY_BYTES = 8L * 1024 * 1024;
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

    public HttpOutSettings {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(discoveryTimeout, "discoveryTimeout");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        if (version.isBlank()) {
            throw new IllegalArgumentException("version must not be blank");
        }
        requirePositive(discoveryTimeout, "discoveryTimeout");
        requirePositive(connectTimeout, "connectTimeout");
        // Jetty's buffering listeners take an int, so the cap cannot exceed 2 GiB.
        if (maxDiscoveryBytes <= 0 || maxDiscoveryBytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("maxDiscoveryBytes must be in 1.." + Integer.MAX_VALUE
                    + " but was " + maxDiscoveryBytes);
        }
    }

    /** Settings with every default but the version. */
    public static HttpOutSettings defaults(String version) {
        return new HttpOutSettings(version, DEFAULT_DISCOVERY_TIMEOUT, DEFAULT_MAX_DISCOVERY_BYTES,
                DEFAULT_CONNECT_TIMEOUT);
    }

    private static void requirePositive(Duration duration, String name) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive but was " + duration);
        }
    }
}
