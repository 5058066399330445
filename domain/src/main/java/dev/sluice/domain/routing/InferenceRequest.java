package dev.sluice.domain.routing;

import dev.sluice.domain.balancing.RequestNeeds;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What routing needs to know about one client request, already extracted by the inbound adapter.
 *
 * @param path      the path after the route prefix, e.g. {@code /v1/chat/completions}
 * @param model     the model the body names, exactly as the client wrote it
 * @param stickyKey the affinity key derived from the request, when sticky sessions are on
 * @param needs     what the request asks of the model (tools, images, prompt size); read only by
 *                  {@code capability-based}, so the body is examined for it only when that strategy applies
 */
public record InferenceRequest(RouteScope scope, String path, Optional<String> model, Optional<StickyKey> stickyKey,
                               Supplier<RequestNeeds> needs) {

    public InferenceRequest {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(stickyKey, "stickyKey");
        Objects.requireNonNull(needs, "needs");
    }

    /** A request whose needs nobody examined: every endpoint fits it. */
    public InferenceRequest(RouteScope scope, String path, Optional<String> model, Optional<StickyKey> stickyKey) {
        this(scope, path, model, stickyKey, () -> RequestNeeds.NONE);
    }
}
