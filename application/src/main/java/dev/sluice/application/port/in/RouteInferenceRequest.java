package dev.sluice.application.port.in;

import dev.sluice.domain.routing.InferenceRequest;
import java.util.concurrent.CompletableFuture;

/**
 * Decides where an inference request may go. Completes at once on the calling thread, except when the discovery
 * strategy refreshes model lists first (bounded by {@code discovery_timeout}); never completes exceptionally.
 */
public interface RouteInferenceRequest {

    CompletableFuture<RoutePlan> plan(InferenceRequest request);
}
