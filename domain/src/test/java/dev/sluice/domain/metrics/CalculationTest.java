package dev.sluice.domain.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CalculationTest {

    private static final Map<String, Double> OLLAMA = Map.of("output_tokens", 20.0, "eval_duration_ns", 500_000_000.0,
            "prompt_duration_ns", 12_500_000.0);

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "eval_duration_ns > 0 ? output_tokens * 1000000000.0 / eval_duration_ns : 0 ; 40.0",
            "prompt_duration_ns / 1000000.0 ; 12.5",
            "(1 + 2) * 3 - -1 ; 10.0",
            "output_tokens >= 20 && !(eval_duration_ns == 0) ? 1 : 2 ; 1.0",
            "output_tokens != 20 || false ? 1 : 2 ; 2.0",
            "1 < 2 ? 3 < 2 ? 10 : 20 : 30 ; 20.0"})
    void evaluatesTheProfilesFormulas(String formula, double expected) {
        assertThat(Calculation.parse(formula).evaluate(OLLAMA)).isEqualTo(expected);
    }

    @Test
    void aMissingFigureMakesComparisonsFalseAndArithmeticNaN() {
        assertThat(Calculation.parse("predicted_ms > 0 ? predicted_n * 1000.0 / predicted_ms : 0").evaluate(Map.of()))
                .isZero();
        assertThat(Calculation.parse("total_duration_ns / 1000000.0").evaluate(Map.of())).isNaN();
    }

    @Test
    void aFormulaThisGrammarCannotReadIsRefusedWithItsPosition() {
        assertThatThrownBy(() -> Calculation.parse("a > ? 1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("position");
        assertThatThrownBy(() -> Calculation.parse("len(x)")).hasMessageContaining("unexpected '('");
    }
}
