package dev.sluice.adapters.http.in.status;

import dev.sluice.adapters.http.in.models.Formats;
import dev.sluice.adapters.http.in.models.JsonResponses;
import dev.sluice.adapters.http.in.models.ModelListView;

import java.time.Instant;
import java.util.Objects;

/** Facts about this process that status pages report: version, when it started, which engine and balancer run. */
public record ServerInfo(String version, String commit, Instant startTime, String engine, String proxyProfile,
                         String balancer) {

    public ServerInfo {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(commit, "commit");
        Objects.requireNonNull(startTime, "startTime");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(proxyProfile, "proxyProfile");
        Objects.requireNonNull(balancer, "balancer");
    }
}
