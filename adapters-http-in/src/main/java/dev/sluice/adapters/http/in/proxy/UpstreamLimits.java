package dev.sluice.adapters.http.in.proxy;

/**
 * Bounds on the upstream clients.
 *
 * @param engine                    {@code proxy.engine}: {@code olla} or {@code sherpa}
 * @param responseTimeoutMillis     longest one proxied exchange may last ({@code proxy.response_timeout}); 0 for none
 * @param maxConnectionsPerEndpoint the {@code olla} engine's connection cap per backend
 * @param sharedConnectionCap       the shared client's cap per backend ({@code sherpa}, and model-list fan-outs)
 */
public record UpstreamLimits(String engine, long responseTimeoutMillis, int maxConnectionsPerEndpoint,
                             int sharedConnectionCap) {
}
