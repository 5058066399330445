package dev.sluice.adapters.http.in.server;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * {@code server.cors}, for browser clients (OpenWebUI, dashboards). Origins are written as Olla writes them: exact
 * origins such as {@code https://chat.example.com}, or {@code *}.
 *
 * @param exposedHeaders response headers a page may read; empty exposes every {@code X-Olla-*} header
 */
public record CorsSettings(boolean enabled, List<String> allowedOrigins, List<String> allowedMethods,
                           List<String> allowedHeaders, List<String> exposedHeaders, boolean allowCredentials,
                           Duration maxAge) {

    public static final CorsSettings DISABLED = new CorsSettings(false, List.of(), List.of(), List.of(), List.of(),
            false, Duration.ZERO);

    public CorsSettings {
        allowedOrigins = List.copyOf(allowedOrigins);
        allowedMethods = List.copyOf(allowedMethods);
        allowedHeaders = List.copyOf(allowedHeaders);
        exposedHeaders = List.copyOf(exposedHeaders);
        Objects.requireNonNull(maxAge, "maxAge");
    }
}
