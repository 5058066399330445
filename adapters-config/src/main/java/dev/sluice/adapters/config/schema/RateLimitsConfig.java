package dev.sluice.adapters.config.schema;

import java.time.Duration;
import java.util.List;

/** {@code server.rate_limits}. Mirrors the YAML key for key; a missing key takes Olla's default. */
public record RateLimitsConfig(
        Integer globalRequestsPerMinute,
        Integer perIpRequestsPerMinute,
        Integer healthRequestsPerMinute,
        Integer burstSize,
        PerEndpointRateLimitConfig perEndpoint,
        Duration cleanupInterval,
        Boolean trustProxyHeaders,
        List<String> trustedProxyCidrs) {

    public RateLimitsConfig {
        globalRequestsPerMinute = globalRequestsPerMinute == null ? 1000 : globalRequestsPerMinute;
        perIpRequestsPerMinute = perIpRequestsPerMinute == null ? 100 : perIpRequestsPerMinute;
        healthRequestsPerMinute = healthRequestsPerMinute == null ? 1000 : healthRequestsPerMinute;
        burstSize = burstSize == null ? 50 : burstSize;
        perEndpoint = perEndpoint == null ? new PerEndpointRateLimitConfig(null) : perEndpoint;
        cleanupInterval = cleanupInterval == null ? Duration.ofMinutes(5) : cleanupInterval;
        trustProxyHeaders = trustProxyHeaders == null ? false : trustProxyHeaders;
        trustedProxyCidrs = trustedProxyCidrs == null ? List.of("127.0.0.0/8", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16") : List.copyOf(trustedProxyCidrs);
    }
}
