package dev.sluice.adapters.http.in.dashboard;

import java.util.List;

/**
 * {@code dashboard}: whether {@code /internal/ui/} is served, and to whom: the TCP peer must be in
 * {@code allowedCidrs} and the Host header's name in {@code allowedHosts} (IP literals always pass the Host check).
 * {@code gateInternalApi} puts the rest of {@code /internal/*} behind the same policy (Olla parses the key and
 * ignores it), except {@code /internal/health}, which orchestrators' liveness probes must always reach.
 */
public record DashboardSettings(boolean enabled, List<String> allowedCidrs, List<String> allowedHosts,
                                boolean gateInternalApi) {

    public DashboardSettings {
        allowedCidrs = List.copyOf(allowedCidrs);
        allowedHosts = List.copyOf(allowedHosts);
    }
}
