package dev.sluice.adapters.http.in.proxy;

/**
 * Bounds on the upstream client.
 *
 * @param responseTimeoutMillis      longest one proxied exchange may last ({@code proxy.response_timeout}); 0 for none
 * @param maxConnectionsPerEndpoint  connection pool cap per backend
 */
public record UpstreamLimits(long responseTimeoutMillis, int maxConnectionsPerEndpoint) {
}
