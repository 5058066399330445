package dev.sluice.adapters.http.in.proxy;

import dev.sluice.domain.endpoint.Endpoint;
import java.net.URI;
import java.util.Optional;

/** Where a request goes on an endpoint: its origin plus the client's path, after the base path if preserved. */
final class UpstreamTarget {

    private UpstreamTarget() {
    }

    static String of(Endpoint endpoint, String path, Optional<String> query) {
        URI base = endpoint.url();
        StringBuilder target = new StringBuilder();
        target.append(base.getScheme()).append("://").append(base.getRawAuthority());
        if (endpoint.preservePath() && base.getRawPath() != null) {
            String basePath = base.getRawPath();
            target.append(basePath.endsWith("/") ? basePath.substring(0, basePath.length() - 1) : basePath);
        }
        target.append(path);
        query.ifPresent(q -> target.append('?').append(q));
        return target.toString();
    }
}
