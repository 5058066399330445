package dev.sluice.application.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.domain.limits.RateDecision;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    private RateLimiter limiter(int global, int perIp, int burst) {
        return new RateLimiter(global, perIp, 0, burst, Duration.ofMinutes(10), nanos::get, Clock.systemUTC());
    }

    @Test
    void eachClientGetsItsBurstThenWaitsForTokens() {
        RateLimiter limiter = limiter(1000, 60, 3);
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.admit("10.0.0.1").allowed()).isTrue();
        }
        RateDecision refused = limiter.admit("10.0.0.1");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSecs()).isEqualTo(1);
        assertThat(limiter.admit("10.0.0.2").allowed()).as("another client has its own bucket").isTrue();
        nanos.addAndGet(1_000_000_000L);
        assertThat(limiter.admit("10.0.0.1").allowed()).isTrue();
        assertThat(limiter.refusals()).isEqualTo(1);
        assertThat(limiter.refusedClients()).isEqualTo(1);
    }

    @Test
    void theGlobalBucketCapsEveryoneTogether() {
        RateLimiter limiter = limiter(60, 600, 2);
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.admit("client-" + i).allowed()).as("ten seconds' worth of the global rate").isTrue();
        }
        assertThat(limiter.admit("one-more").allowed()).isFalse();
    }

    @Test
    void aZeroPerIpLimitTurnsLimitingOffAsInOlla() {
        RateLimiter limiter = limiter(1, 0, 1);
        for (int i = 0; i < 100; i++) {
            assertThat(limiter.admit("x").allowed()).isTrue();
        }
    }

    @Test
    void idleClientsAreForgottenSoMemoryStaysBounded() {
        RateLimiter limiter = limiter(100_000, 60, 5);
        for (int i = 0; i < 500; i++) {
            limiter.admit("10.1." + (i / 256) + "." + (i % 256));
        }
        assertThat(limiter.trackedClients()).isEqualTo(500);
        nanos.addAndGet(Duration.ofMinutes(11).toNanos());
        assertThat(limiter.cleanUp()).isEqualTo(500);
        assertThat(limiter.trackedClients()).isZero();
    }
}
