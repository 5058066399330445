package dev.sluice.domain.metrics;

import dev.sluice.domain.profile.MetricsExtraction;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Turns the figures read from an answer (named as in a profile's {@code metrics.extraction.paths}) into
 * {@link TokenUsage}, running the profile's {@code calculations}. Built once per profile; thread-safe.
 */
public final class TokenFormulas {

    private final Map<String, Calculation> calculations;

    private TokenFormulas(Map<String, Calculation> calculations) {
        this.calculations = calculations;
    }

    /** @throws IllegalArgumentException when a calculation does not parse, naming it */
    public static TokenFormulas of(MetricsExtraction extraction) {
        Objects.requireNonNull(extraction, "extraction");
        Map<String, Calculation> parsed = new LinkedHashMap<>();
        extraction.calculations().forEach((name, formula) -> {
            try {
                parsed.put(name, Calculation.parse(formula));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("metrics.extraction.calculations." + name + ": " + e.getMessage(), e);
            }
        });
        return new TokenFormulas(Map.copyOf(parsed));
    }

    /**
     * Token figures from what the answer carried. Counts fall back to llama.cpp's {@code prompt_n/predicted_n} when
     * the usage block is missing; a rate or time that comes out NaN, negative or zero counts as not reported.
     */
    public TokenUsage usage(Map<String, Double> figures) {
        if (figures.isEmpty()) {
            return TokenUsage.NONE;
        }
        OptionalLong input = count(figures, "input_tokens", "prompt_n");
        OptionalLong output = count(figures, "output_tokens", "predicted_n");
        return new TokenUsage(input, output, positive(calculate("tokens_per_second", figures)),
                positive(calculate("ttft_ms", figures)));
    }

    private double calculate(String name, Map<String, Double> figures) {
        Calculation calculation = calculations.get(name);
        if (calculation != null) {
            return calculation.evaluate(figures);
        }
        Double direct = figures.get(name);
        return direct == null ? Double.NaN : direct;
    }

    private static OptionalLong count(Map<String, Double> figures, String name, String fallback) {
        Double value = figures.get(name);
        if (value == null) {
            value = figures.get(fallback);
        }
        return value == null || value.isNaN() || value < 0 ? OptionalLong.empty() : OptionalLong.of(value.longValue());
    }

    private static OptionalDouble positive(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) || value <= 0 ? OptionalDouble.empty()
                : OptionalDouble.of(value);
    }
}
