package dev.sluice.application.port.out;

import dev.sluice.domain.endpoint.Endpoint;
import dev.sluice.domain.model.DiscoveredModel;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Asks one endpoint which models it serves, in its platform's own format (chosen by the endpoint's profile).
 *
 * <p>Threading: returns at once; the future completes on the HTTP client's thread. It completes exceptionally
 * with {@link ModelDiscoveryException} when the endpoint is unreachable, answers a non-2xx status, answers
 * something that is not its platform's model list, or answers more than the configured size cap: the whole
 * answer is buffered (model lists are small) but never beyond that cap.
 */
public interface ModelDiscovery {

    CompletableFuture<List<DiscoveredModel>> discover(Endpoint endpoint);
}
