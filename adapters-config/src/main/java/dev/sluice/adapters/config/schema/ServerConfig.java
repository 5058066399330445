package dev.sluice.adapters.config.schema;

import java.time.Duration;

/** {@code server}: the listener. Mirrors the YAML key for key; a missing key takes Olla's default. */
public record ServerConfig(
        String host,
        Integer port,
        Duration readTimeout,
        Duration readHeaderTimeout,
        Duration writeTimeout,
        Duration idleTimeout,
        Duration shutdownTimeout,
        Boolean requestLogging,
        CorsConfig cors,
        RequestLimitsConfig requestLimits,
        RateLimitsConfig rateLimits,
        OllamaFrontDoorConfig ollamaFrontDoor) {

    public ServerConfig {
        host = host == null ? "localhost" : host;
        port = port == null ? 40114 : port;
        readTimeout = readTimeout == null ? Duration.ofSeconds(30) : readTimeout;
        readHeaderTimeout = readHeaderTimeout == null ? Duration.ofSeconds(10) : readHeaderTimeout;
        writeTimeout = writeTimeout == null ? Duration.ZERO : writeTimeout;
        idleTimeout = idleTimeout == null ? Duration.ZERO : idleTimeout;
        shutdownTimeout = shutdownTimeout == null ? Duration.ofSeconds(10) : shutdownTimeout;
        requestLogging = requestLogging == null ? true : requestLogging;
        cors = cors == null ? new CorsConfig(null, null, null, null, null, null, null) : cors;
        requestLimits = requestLimits == null ? new RequestLimitsConfig(null, null) : requestLimits;
        rateLimits = rateLimits == null ? new RateLimitsConfig(null, null, null, null, null, null, null, null) : rateLimits;
        ollamaFrontDoor = ollamaFrontDoor == null ? new OllamaFrontDoorConfig(null) : ollamaFrontDoor;
    }
}
