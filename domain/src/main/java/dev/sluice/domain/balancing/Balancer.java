package dev.sluice.domain.balancing;

import dev.sluice.domain.endpoint.Endpoint;
import java.util.List;
import java.util.Optional;

/**
 * Chooses one endpoint among candidates that may all serve the request. Implementations are lock-free and keep at
 * most a rotation counter; the candidate list is an immutable snapshot owned by the caller.
 */
public interface Balancer {

    /** The endpoint to try; empty only when there are no routable candidates. */
    Optional<Endpoint> pick(List<Candidate> candidates);

    /** The name operators configure it by ({@code proxy.load_balancer}). */
    String name();
}
