package dev.sluice.domain.fallback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FallbackPolicyTest {

    private static FallbackPolicy policy(FallbackStrategy strategy) {
        return new FallbackPolicy(strategy, 2, Duration.ofMillis(100), Duration.ofMillis(300));
    }

    @ParameterizedTest
    @CsvSource({"408,TRANSIENT", "429,TRANSIENT", "500,TRANSIENT", "502,TRANSIENT", "503,TRANSIENT", "504,TRANSIENT",
        "529,TRANSIENT", "400,PERMANENT", "401,PERMANENT", "403,PERMANENT", "404,PERMANENT", "422,PERMANENT",
        "501,PERMANENT", "505,PERMANENT"})
    void classifiesAnswersByStatus(int status, FailureClass expected) {
        assertThat(FailureClass.ofStatus(status)).isEqualTo(expected);
        assertThat(FailureClass.retryable(status)).isEqualTo(expected == FailureClass.TRANSIENT);
    }

    @Test
    void successIsNeverRetryable() {
        assertThat(FailureClass.retryable(200)).isFalse();
        assertThat(FailureClass.retryable(302)).isFalse();
    }

    @Test
    void permanentFailuresGiveUpWhateverTheStrategy() {
        for (FallbackStrategy strategy : FallbackStrategy.values()) {
            assertThat(policy(strategy).after(FailureClass.PERMANENT, 0, 0.5)).isEqualTo(FallbackStep.GIVE_UP);
        }
    }

    @Test
    void noneGivesUpOnTransientFailures() {
        assertThat(policy(FallbackStrategy.NONE).after(FailureClass.TRANSIENT, 0, 0.5)).isEqualTo(FallbackStep.GIVE_UP);
    }

    @Test
    void nextAvailableAndBestAlternativeMoveOnAtOnce() {
        assertThat(policy(FallbackStrategy.NEXT_AVAILABLE).after(FailureClass.TRANSIENT, 0, 0.5))
                .isEqualTo(FallbackStep.MOVE_ON);
        assertThat(policy(FallbackStrategy.BEST_ALTERNATIVE).after(FailureClass.TRANSIENT, 0, 0.5))
                .isEqualTo(FallbackStep.MOVE_ON);
        assertThat(policy(FallbackStrategy.BEST_ALTERNATIVE).balancerChoosesAlternative()).isTrue();
        assertThat(policy(FallbackStrategy.NEXT_AVAILABLE).balancerChoosesAlternative()).isFalse();
    }

    @Test
    void retrySameBacksOffExponentiallyWithJitterThenMovesOn() {
        FallbackPolicy policy = policy(FallbackStrategy.RETRY_SAME);
        FallbackStep firstRetry = policy.after(FailureClass.TRANSIENT, 0, 0.0);
        assertThat(firstRetry.action()).isEqualTo(FallbackStep.Action.RETRY_SAME);
        assertThat(firstRetry.delay()).isEqualTo(Duration.ofMillis(50));
        assertThat(policy.after(FailureClass.TRANSIENT, 0, 0.999).delay()).isBetween(Duration.ofMillis(99),
                Duration.ofMillis(100));
        assertThat(policy.after(FailureClass.TRANSIENT, 1, 0.0).delay()).isEqualTo(Duration.ofMillis(100));
        assertThat(policy.after(FailureClass.TRANSIENT, 2, 0.5)).isEqualTo(FallbackStep.MOVE_ON);
    }

    @Test
    void theBackoffIsCapped() {
        assertThat(policy(FallbackStrategy.RETRY_SAME).delay(10, 0.0)).isEqualTo(Duration.ofMillis(150));
        assertThat(policy(FallbackStrategy.RETRY_SAME).delay(200, 1.0)).isEqualTo(Duration.ofMillis(300));
    }

    @Test
    void parsesSeed004NamesInAnySpelling() {
        assertThat(FallbackStrategy.parse("next_available")).isEqualTo(FallbackStrategy.NEXT_AVAILABLE);
        assertThat(FallbackStrategy.parse("Retry-Same")).isEqualTo(FallbackStrategy.RETRY_SAME);
        assertThatThrownBy(() -> FallbackStrategy.parse("retry_forever")).hasMessageContaining("retry_same");
    }
}
