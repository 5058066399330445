package dev.sluice.adapters.config.schema;

import java.time.Duration;

/**
 * {@code proxy.outlier_detection} (ours, closing Olla's issue #144): 5xx answers in a row that eject an endpoint
 * from routing, for a time that starts at {@code base_ejection} and doubles up to {@code max_ejection}; a 429 ejects
 * at once for its Retry-After. {@code enabled: false} turns ejection off.
 */
public record OutlierDetectionConfig(Boolean enabled, Integer consecutiveErrors, Duration baseEjection,
                                     Duration maxEjection) {

    public OutlierDetectionConfig {
        enabled = enabled == null || enabled;
        consecutiveErrors = consecutiveErrors == null ? 5 : consecutiveErrors;
        baseEjection = baseEjection == null ? Duration.ofSeconds(30) : baseEjection;
        maxEjection = maxEjection == null ? Duration.ofMinutes(5) : maxEjection;
    }
}
