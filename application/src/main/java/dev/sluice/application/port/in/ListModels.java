package dev.sluice.application.port.in;

import dev.sluice.domain.endpoint.Endpoint;
import dev.sluice.domain.model.EndpointModels;
import dev.sluice.domain.model.ModelCatalog;
import java.util.Optional;

/**
 * Reads the unified model catalogue. Lock-free and allocation-free for {@link #catalog()}: safe on the request
 * path. The returned catalogue is immutable; callers filter it themselves.
 */
public interface ListModels {

    ModelCatalog catalog();

    /** What one endpoint reported at its last successful discovery, if any. */
    Optional<EndpointModels> modelsOf(Endpoint endpoint);
}
