package dev.sluice.soak;

import static java.util.Objects.requireNonNull;

/**
 * One endpoint as {@code /internal/status/endpoints} reports it.
 *
 * @param name              the configured endpoint name
 * @param status            Olla's wire name: healthy, offline, ...
 * @param activeConnections requests the proxy believes are in flight to it (leases not yet released)
 */
record EndpointState(String name, String status, long activeConnections) {

    EndpointState {
        requireNonNull(name, "name");
        requireNonNull(status, "status");
    }

    boolean healthy() {
        return status.equals("healthy");
    }
}
