package dev.sluice.domain.model;

import dev.sluice.domain.endpoint.Endpoint;
import java.time.Instant;
import java.util.Objects;

/**
 * One endpoint that serves a unified model, under its own native name.
 *
 * @param contextLength the context window this endpoint reported or its profile implies for the model, in tokens; 0
 *                      when unknown. Kept per endpoint: two vLLMs may serve the same weights with different limits.
 */
public record ModelSource(Endpoint endpoint, String nativeName, ModelState state, long diskSize, Instant lastSeen,
                          long contextLength) {

    /** A source whose context window nobody reported. */
    public ModelSource(Endpoint endpoint, String nativeName, ModelState state, long diskSize, Instant lastSeen) {
        this(endpoint, nativeName, state, diskSize, lastSeen, 0);
    }

    public ModelSource {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(nativeName, "nativeName");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(lastSeen, "lastSeen");
    }
}
