package dev.sluice.domain.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RateLimitHeadersTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private static Optional<Duration> hold(int status, Map<String, String> headers) {
        return RateLimitHeaders.holdFor(status, headers::get, NOW);
    }

    @Test
    void a429IsHeldForItsRetryAfterSeconds() {
        assertThat(hold(429, Map.of("retry-after", "7"))).hasValue(Duration.ofSeconds(7));
    }

    @Test
    void aRetryAfterDateIsCountedFromNow() {
        assertThat(hold(429, Map.of("retry-after", "Mon, 23 Nov 2026 10:00:30 GMT"))).hasValue(Duration.ofSeconds(30));
    }

    @Test
    void aSpentOpenAiRequestBudgetHoldsUntilItsReset() {
        assertThat(hold(200, Map.of("x-ratelimit-remaining-requests", "0", "x-ratelimit-reset-requests", "6m0s",
                "x-ratelimit-remaining-tokens", "9000", "x-ratelimit-reset-tokens", "1s")))
                .hasValue(Duration.ofMinutes(6));
    }

    @Test
    void theLongerOfTwoSpentBudgetsWins() {
        assertThat(hold(200, Map.of("x-ratelimit-remaining-requests", "0", "x-ratelimit-reset-requests", "2s",
                "x-ratelimit-remaining-tokens", "0", "x-ratelimit-reset-tokens", "1m30s")))
                .hasValue(Duration.ofSeconds(90));
    }

    @Test
    void aSpentAnthropicBudgetHoldsUntilItsRfc3339Reset() {
        assertThat(hold(200, Map.of("anthropic-ratelimit-requests-remaining", "0",
                "anthropic-ratelimit-requests-reset", "2026-11-23T10:00:12Z"))).hasValue(Duration.ofSeconds(12));
        assertThat(hold(200, Map.of("anthropic-ratelimit-output-tokens-remaining", "0",
                "anthropic-ratelimit-output-tokens-reset", "2026-11-23T11:00:00+01:00"))).hasValue(Duration.ZERO);
    }

    @Test
    void budgetLeftMeansNoHold() {
        assertThat(hold(200, Map.of("x-ratelimit-remaining-requests", "3", "x-ratelimit-reset-requests", "1s")))
                .isEmpty();
        assertThat(hold(200, Map.of())).isEmpty();
    }

    @Test
    void a429WithoutRetryAfterFallsBackToTheSpentBudgetsReset() {
        assertThat(hold(429, Map.of("x-ratelimit-remaining-tokens", "0", "x-ratelimit-reset-tokens", "20ms")))
                .hasValue(Duration.ofMillis(20));
        assertThat(hold(429, Map.of())).isEmpty();
    }

    @Test
    void garbageIsIgnored() {
        assertThat(hold(429, Map.of("retry-after", "soon"))).isEmpty();
        assertThat(hold(200, Map.of("x-ratelimit-remaining-requests", "none", "x-ratelimit-reset-requests", "1s")))
                .isEmpty();
        assertThat(hold(200, Map.of("x-ratelimit-remaining-requests", "0", "x-ratelimit-reset-requests", "1x")))
                .isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"1s,1000", "6m0s,360000", "20ms,20", "1h2m3.5s,3723500", "0.5s,500", "2,2000"})
    void readsOpenAiResetDurations(String text, long millis) {
        assertThat(RateLimitHeaders.goDuration(text)).hasValue(Duration.ofMillis(millis));
    }
}
