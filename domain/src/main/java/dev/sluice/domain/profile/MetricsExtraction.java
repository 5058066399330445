package dev.sluice.domain.profile;

import java.util.Map;
import java.util.Objects;

/**
 * Where a platform's final response chunk keeps token counts and timings (JSONPath per figure) and how to derive
 * rates from them (small expressions over those figures).
 */
public record MetricsExtraction(boolean enabled, String source, String format, Map<String, String> paths,
                                Map<String, String> calculations) {

    public static final MetricsExtraction NONE = new MetricsExtraction(false, "", "", Map.of(), Map.of());

    public MetricsExtraction {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(format, "format");
        paths = Map.copyOf(paths);
        calculations = Map.copyOf(calculations);
    }
}
