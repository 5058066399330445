package dev.sluice.domain.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.domain.TestFleet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HealthPolicyTest {

    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");
    private static final Duration FAST = Duration.ofMillis(20);

    private final HealthPolicy policy = new HealthPolicy(Duration.ofSeconds(60), Duration.ofSeconds(10));
    private final Endpoint endpoint = TestFleet.endpoint("gpu1")
            .checkInterval(Duration.ofSeconds(5)).checkTimeout(Duration.ofSeconds(2)).build();

    private EndpointHealth after(ProbeResult result) {
        return policy.next(EndpointHealth.unknown(NOW), result, endpoint, NOW);
    }

    @Nested
    class Classification {

        @Test
        void transportErrorIsOffline_withTheReasonAsLastError() {
            EndpointHealth health = after(new ProbeUnreachable("connection refused", FAST));

            assertThat(health.status()).isEqualTo(EndpointStatus.OFFLINE);
            assertThat(health.lastError()).contains("connection refused");
        }

        @ParameterizedTest
        @ValueSource(ints = {401, 403})
        void rejectedCredentialsAreAConfigError(int code) {
            EndpointHealth health = after(ProbeAnswered.of(code, FAST));

            assertThat(health.status()).isEqualTo(EndpointStatus.CONFIG_ERROR);
            assertThat(health.lastError()).hasValueSatisfying(e -> assertThat(e).contains(String.valueOf(code)));
        }

        @ParameterizedTest
        @ValueSource(ints = {401, 403})
        void aRejectedCredentialNamesTheEndpointAndWhereItsKeyComesFrom(int code) {
            Endpoint openai = TestFleet.endpoint("openai").provider(new ProviderSettings(Optional.empty(),
                    java.util.Map.of(), false, "the API key in discovery.static.endpoints[2].auth (OPENAI_API_KEY)"))
                    .build();
            EndpointHealth health = policy.next(EndpointHealth.unknown(NOW), ProbeAnswered.of(code, FAST), openai, NOW);

            assertThat(health.lastError()).contains(code
                    + " from openai: check the API key in discovery.static.endpoints[2].auth (OPENAI_API_KEY)");
        }

        @Test
        void aSkippedProbeOfAnAssumedHealthyEndpointIsHealthy() {
            EndpointHealth down = after(new ProbeUnreachable("connection refused", FAST));
            EndpointHealth back = policy.next(down, new ProbeSkipped(), endpoint, NOW.plusSeconds(10));

            assertThat(back.status()).isEqualTo(EndpointStatus.HEALTHY);
            assertThat(back.consecutiveFailures()).isZero();
            assertThat(back.lastError()).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(ints = {200, 204, 299})
        void quick2xxIsHealthy(int code) {
            assertThat(after(ProbeAnswered.of(code, FAST)).status()).isEqualTo(EndpointStatus.HEALTHY);
        }

        @ParameterizedTest
        @ValueSource(ints = {500, 503, 404, 302, 418})
        void anyOtherStatusIsUnhealthy(int code) {
            EndpointHealth health = after(ProbeAnswered.of(code, FAST));

            assertThat(health.status()).isEqualTo(EndpointStatus.UNHEALTHY);
            assertThat(health.lastError()).contains("health check returned HTTP " + code);
        }

        @Test
        void tooManyRequestsIsRateLimited() {
            assertThat(after(ProbeAnswered.of(429, FAST)).status()).isEqualTo(EndpointStatus.RATE_LIMITED);
        }

        // Threshold: min(busyLatency, 3/4 of check timeout); slow means strictly above it.
        @ParameterizedTest(name = "timeout {0} ms, latency {1} ms -> {2}")
        @CsvSource({
                "2000,  1500,  HEALTHY",
                "2000,  1501,  BUSY",
                "60000, 10000, HEALTHY",
                "60000, 10001, BUSY",
                "60000, 44000, BUSY",
                "8000,  6001,  BUSY",
                "8000,  5999,  HEALTHY",
        })
        void slow2xxIsBusy_pastTheLowerOfBusyLatencyAndThreeQuartersOfTheTimeout(long timeoutMs, long latencyMs,
                                                                                 EndpointStatus expected) {
            Endpoint withTimeout = TestFleet.endpoint("gpu1").checkTimeout(Duration.ofMillis(timeoutMs)).build();

            EndpointHealth health = policy.next(EndpointHealth.unknown(NOW),
                    ProbeAnswered.of(200, Duration.ofMillis(latencyMs)), withTimeout, NOW);

            assertThat(health.status()).isEqualTo(expected);
        }

        @Test
        void busyEndpointStaysRoutable() {
            Endpoint withTimeout = TestFleet.endpoint("gpu1").checkTimeout(Duration.ofSeconds(2)).build();

            EndpointHealth health = policy.next(EndpointHealth.unknown(NOW),
                    ProbeAnswered.of(200, Duration.ofMillis(1900)), withTimeout, NOW);

            assertThat(health.status()).isEqualTo(EndpointStatus.BUSY);
            assertThat(health.routable()).isTrue();
        }
    }

    @Nested
    class RateLimiting {

        @Test
        void waitsForRetryAfterWhenLongerThanTheInterval() {
            EndpointHealth health = after(new ProbeAnswered(429, FAST, Optional.of(Duration.ofSeconds(45))));

            assertThat(health.nextCheckAt()).isEqualTo(NOW.plusSeconds(45));
        }

        @Test
        void waitsThirtySecondsWhenNoRetryAfterIsGiven() {
            EndpointHealth health = after(ProbeAnswered.of(429, FAST));

            assertThat(health.nextCheckAt()).isEqualTo(NOW.plusSeconds(30));
        }

        @Test
        void neverProbesSoonerThanTheBackoffEvenIfRetryAfterIsShort() {
            EndpointHealth health = after(new ProbeAnswered(429, FAST, Optional.of(Duration.ofSeconds(1))));

            assertThat(health.nextCheckAt()).isEqualTo(NOW.plus(endpoint.checkInterval()));
        }

        @Test
        void retryAfterMayExceedTheBackoffCap() {
            // The endpoint told us when it will talk to us again: probing earlier only earns another 429.
            EndpointHealth health = after(new ProbeAnswered(429, FAST, Optional.of(Duration.ofMinutes(5))));

            assertThat(health.nextCheckAt()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
        }
    }

    @Nested
    class Backoff {

        @ParameterizedTest(name = "interval {0} s, max {1} s -> waits {2}")
        @CsvSource(delimiter = '|', value = {
                "1  | 60 | 1,2,4,8,12,12,12",   // 12x cap
                "10 | 60 | 10,20,40,60,60",      // 60 s cap
                "5  | 60 | 5,10,20,40,60,60",    // 60 s cap before 12x
                "90 | 60 | 90,90,90",            // never below the interval
        })
        void doublesFromTheInterval_cappedAtTwelveTimesAndMaxBackoff_neverBelowTheInterval(
                long intervalSeconds, long maxSeconds, String expectedWaits) {
            HealthPolicy capped = new HealthPolicy(Duration.ofSeconds(maxSeconds), Duration.ofSeconds(10));
            Endpoint slowChecked = TestFleet.endpoint("gpu1").checkInterval(Duration.ofSeconds(intervalSeconds)).build();
            List<Long> expected = Arrays.stream(expectedWaits.split(",")).map(Long::valueOf).toList();

            List<Long> waits = new ArrayList<>();
            EndpointHealth health = EndpointHealth.unknown(NOW);
            Instant at = NOW;
            for (int i = 0; i < expected.size(); i++) {
                health = capped.next(health, ProbeAnswered.of(503, FAST), slowChecked, at);
                waits.add(Duration.between(at, health.nextCheckAt()).toSeconds());
                at = health.nextCheckAt();
            }

            assertThat(waits).isEqualTo(expected);
        }

        @Test
        void countsConsecutiveFailuresAndGrowsTheMultiplierToTwelve() {
            EndpointHealth health = EndpointHealth.unknown(NOW);
            List<Integer> multipliers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                health = policy.next(health, new ProbeUnreachable("timeout", FAST), endpoint, NOW);
                multipliers.add(health.backoffMultiplier());
            }

            assertThat(health.consecutiveFailures()).isEqualTo(6);
            assertThat(multipliers).containsExactly(2, 4, 8, 12, 12, 12);
        }

        @Test
        void oneHealthyProbeResetsFailuresMultiplierAndLastError() {
            EndpointHealth failing = EndpointHealth.unknown(NOW);
            for (int i = 0; i < 4; i++) {
                failing = policy.next(failing, ProbeAnswered.of(500, FAST), endpoint, NOW);
            }
            assertThat(failing.lastError()).isPresent();

            Instant later = NOW.plusSeconds(100);
            EndpointHealth healthy = policy.next(failing, ProbeAnswered.of(200, Duration.ofMillis(42)), endpoint, later);

            assertThat(healthy).isEqualTo(new EndpointHealth(EndpointStatus.HEALTHY, Optional.of(later),
                    later.plus(endpoint.checkInterval()), Duration.ofMillis(42), 0, 1, Optional.empty()));
        }

        @Test
        void firstFailureAfterRecoveryWaitsOnlyTheIntervalAgain() {
            EndpointHealth health = EndpointHealth.unknown(NOW);
            for (int i = 0; i < 4; i++) {
                health = policy.next(health, ProbeAnswered.of(500, FAST), endpoint, NOW);
            }
            health = policy.next(health, ProbeAnswered.of(200, FAST), endpoint, NOW);

            EndpointHealth failedAgain = policy.next(health, ProbeAnswered.of(500, FAST), endpoint, NOW);

            assertThat(failedAgain.nextCheckAt()).isEqualTo(NOW.plus(endpoint.checkInterval()));
            assertThat(failedAgain.consecutiveFailures()).isEqualTo(1);
        }

        @Test
        void recordsWhenCheckedAndHowLongTheProbeTook() {
            EndpointHealth health = after(new ProbeUnreachable("reset", Duration.ofMillis(1234)));

            assertThat(health.checkedAt()).contains(NOW);
            assertThat(health.lastLatency()).isEqualTo(Duration.ofMillis(1234));
        }

        @Test
        void healthyEndpointIsProbedAgainAfterItsInterval() {
            EndpointHealth health = after(ProbeAnswered.of(200, FAST));

            assertThat(health.nextCheckAt()).isEqualTo(NOW.plusSeconds(5));
            assertThat(health.consecutiveFailures()).isZero();
            assertThat(health.backoffMultiplier()).isEqualTo(1);
            assertThat(health.lastError()).isEmpty();
        }
    }
}
