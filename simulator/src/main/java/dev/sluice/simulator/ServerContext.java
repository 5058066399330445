package dev.sluice.simulator;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;

/**
 * What every exchange of one backend shares and nothing changes: the platform it impersonates, the JSON
 * mapper and the clock (injected so tests can pin {@code created} timestamps).
 */
record ServerContext(BackendKind kind, Platform platform, ObjectMapper json, Clock clock) {

    ServerContext {
        requireNonNull(kind, "kind");
        requireNonNull(platform, "platform");
        requireNonNull(json, "json");
        requireNonNull(clock, "clock");
    }
}
