package dev.sluice.application.port.in;

import dev.sluice.domain.endpoint.Endpoint;
import dev.sluice.domain.endpoint.RequestOutcome;
import java.util.Optional;

/**
 * One try of one endpoint. Holds a lease on the endpoint (counted as active) until {@link #release} is called,
 * which the caller must do exactly once from its single completion path; extra calls are ignored.
 */
public interface Attempt {

    Endpoint endpoint();

    /** The model name to put in the body for this endpoint when an alias resolved to a different native name. */
    Optional<String> modelOverride();

    /** Ends the lease and records the outcome; returns false if it had already been released. */
    boolean release(RequestOutcome outcome);
}
