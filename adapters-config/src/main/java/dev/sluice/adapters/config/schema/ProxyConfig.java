package dev.sluice.adapters.config.schema;

import java.time.Duration;

/** {@code proxy}: how requests reach backends. Mirrors the YAML key for key; a missing key takes Olla's default. */
public record ProxyConfig(
        String engine,
        String profile,
        String loadBalancer,
        Duration connectionTimeout,
        Duration connectionKeepAlive,
        Duration responseTimeout,
        Duration readTimeout,
        Duration responseHeaderTimeout,
        Duration tlsHandshakeTimeout,
        @ByteSize Long streamBufferSize,
        ProfileFilterConfig profileFilter,
        StickySessionsConfig stickySessions,
        Integer maxRetries,
        Duration retryBackoff,
        RetryConfig retry,
        CircuitBreakerConfig circuitBreaker,
        OutlierDetectionConfig outlierDetection,
        QueueConfig queue,
        FallbackConfig fallback,
        RoutingConfig routing) {

    public ProxyConfig {
        engine = engine == null ? "olla" : engine;
        profile = profile == null ? "auto" : profile;
        loadBalancer = loadBalancer == null ? "least-connections" : loadBalancer;
        connectionTimeout = connectionTimeout == null ? Duration.ofSeconds(60) : connectionTimeout;
        connectionKeepAlive = connectionKeepAlive == null ? Duration.ofSeconds(30) : connectionKeepAlive;
        responseTimeout = responseTimeout == null ? Duration.ofMinutes(15) : responseTimeout;
        readTimeout = readTimeout == null ? Duration.ofMinutes(10) : readTimeout;
        responseHeaderTimeout = responseHeaderTimeout == null ? Duration.ofSeconds(30) : responseHeaderTimeout;
        tlsHandshakeTimeout = tlsHandshakeTimeout == null ? Duration.ofSeconds(10) : tlsHandshakeTimeout;
        streamBufferSize = streamBufferSize == null ? 0L : streamBufferSize;
        profileFilter = profileFilter == null ? new ProfileFilterConfig(null, null) : profileFilter;
        stickySessions = stickySessions == null ? new StickySessionsConfig(null, null, null, null, null) : stickySessions;
        maxRetries = maxRetries == null ? 0 : maxRetries;
        retryBackoff = retryBackoff == null ? Duration.ZERO : retryBackoff;
        retry = retry == null ? new RetryConfig(null, null, null) : retry;
        circuitBreaker = circuitBreaker == null ? new CircuitBreakerConfig(null, null) : circuitBreaker;
        outlierDetection = outlierDetection == null ? new OutlierDetectionConfig(null, null, null, null) : outlierDetection;
        queue = queue == null ? new QueueConfig(null, null, null, null) : queue;
        fallback = fallback == null ? new FallbackConfig(null, null, null, null) : fallback;
        routing = routing == null ? RoutingConfig.defaults() : routing;
    }
}
