package dev.sluice.domain.routing;

import java.util.Objects;
import java.util.Optional;

/**
 * What routing needs to know about one client request, already extracted by the inbound adapter.
 *
 * @param path      the path after the route prefix, e.g. {@code /v1/chat/completions}
 * @param model     the model the body names, exactly as the client wrote it
 * @param stickyKey the affinity key derived from the request, when sticky sessions are on
 */
public record InferenceRequest(RouteScope scope, String path, Optional<String> model, Optional<StickyKey> stickyKey) {

    public InferenceRequest {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(stickyKey, "stickyKey");
    }
}
