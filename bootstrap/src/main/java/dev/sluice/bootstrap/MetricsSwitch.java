package dev.sluice.bootstrap;

import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Whether finished requests are counted in the metrics registry. On by default; {@code -Dsluice.metrics.enabled=false}
 * or {@code SLUICE_METRICS_ENABLED=false} turns the per-request recording off (the property wins), for operators
 * who scrape nothing and for measuring what the metrics cost.
 */
final class MetricsSwitch {

    static final String PROPERTY = "sluice.metrics.enabled";
    static final String ENV = "SLUICE_METRICS_ENABLED";

    private MetricsSwitch() {
    }

    static boolean enabled(Properties properties, Map<String, String> env) {
        String value = properties.getProperty(PROPERTY, env.get(ENV));
        return value == null || !value.trim().toLowerCase(Locale.ROOT).matches("false|off|0|no");
    }
}
