package dev.sluice.domain.guard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.domain.endpoint.RequestOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GuardPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private final GuardPolicy policy = new GuardPolicy(true, 5, Duration.ofSeconds(30), 5, Duration.ofSeconds(30),
            Duration.ofMinutes(5));

    private static RequestOutcome answered(int status, Optional<Duration> hold) {
        return RequestOutcome.answered(status, 10, Duration.ofMillis(5), Optional.of(Duration.ofMillis(1)), hold);
    }

    @Test
    void a429IsHeldBackExactlyForItsRetryAfter() {
        GuardState state = policy.record(GuardState.CLOSED, answered(429, Optional.of(Duration.ofSeconds(7))), NOW);
        assertThat(state.blockedUntil()).hasValue(NOW.plusSeconds(7));
        assertThat(policy.admit(state, NOW.plusSeconds(7).minusMillis(1)).allowed()).isFalse();
        assertThat(policy.admit(state, NOW.plusSeconds(7)).allowed()).isTrue();
    }

    @Test
    void anAnswerWithASpentBudgetHoldsTheEndpointUntilTheReset() {
        GuardState state = policy.record(GuardState.CLOSED, answered(200, Optional.of(Duration.ofSeconds(2))), NOW);
        assertThat(state.reason()).isEqualTo("rate_limit_exhausted");
        assertThat(policy.admit(state, NOW.plusMillis(1999)).allowed()).isFalse();
        assertThat(policy.admit(state, NOW.plusSeconds(2)).allowed()).isTrue();
    }

    @Test
    void anAnswerWithBudgetLeftClosesTheGuard() {
        GuardState held = policy.record(GuardState.CLOSED, answered(200, Optional.of(Duration.ofSeconds(2))), NOW);
        assertThat(policy.record(held, answered(200, Optional.empty()), NOW.plusSeconds(3)))
                .isEqualTo(GuardState.CLOSED);
    }
}
