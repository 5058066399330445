package dev.sluice.adapters.http.in.server;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.jetty.server.handler.CrossOriginHandler;

/** Builds Jetty's own cross-origin handler from {@code server.cors}, rather than writing CORS headers by hand. */
final class CorsHandlers {

    /** The headers a browser page may read when {@code exposed_headers} is left empty. */
    static final List<String> OLLA_HEADERS = List.of("X-Olla-Request-ID", "X-Olla-Endpoint", "X-Olla-Model",
            "X-Olla-Backend-Type", "X-Olla-Response-Time", "X-Olla-Routing-Strategy", "X-Olla-Routing-Decision",
            "X-Olla-Routing-Reason", "X-Olla-Mode", "X-Olla-Sticky-Session", "X-Olla-Sticky-Key-Source",
            "X-Olla-Session-ID");

    private CorsHandlers() {
    }

    static CrossOriginHandler of(CorsSettings cors) {
        CrossOriginHandler handler = new CrossOriginHandler();
        Set<String> origins = new LinkedHashSet<>();
        // Jetty takes regular expressions; operators write literal origins, so quote all but the wildcard.
        for (String origin : cors.allowedOrigins()) {
            origins.add(origin.equals("*") ? "*" : Pattern.quote(origin));
        }
        handler.setAllowedOriginPatterns(origins);
        handler.setAllowedMethods(new LinkedHashSet<>(cors.allowedMethods()));
        handler.setAllowedHeaders(new LinkedHashSet<>(cors.allowedHeaders()));
        handler.setExposedHeaders(new LinkedHashSet<>(cors.exposedHeaders().isEmpty() ? OLLA_HEADERS : cors.exposedHeaders()));
        handler.setAllowCredentials(cors.allowCredentials());
        handler.setPreflightMaxAge(cors.maxAge());
        return handler;
    }
}
