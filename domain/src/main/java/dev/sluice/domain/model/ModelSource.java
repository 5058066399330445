package dev.sluice.domain.model;

import dev.sluice.domain.endpoint.Endpoint;
import java.time.Instant;
import java.util.Objects;

/** One endpoint that serves a unified model, under its own native name. */
public record ModelSource(Endpoint endpoint, String nativeName, ModelState state, long diskSize, Instant lastSeen) {

    public ModelSource {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(nativeName, "nativeName");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(lastSeen, "lastSeen");
    }
}
