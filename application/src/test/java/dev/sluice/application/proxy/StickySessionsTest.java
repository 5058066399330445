package dev.sluice.application.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.application.TestFleet;
import dev.sluice.domain.endpoint.Endpoint;
import dev.sluice.domain.routing.StickyKey;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class StickySessionsTest {

    private final AtomicLong nanos = new AtomicLong();
    private final Endpoint a = TestFleet.endpoint("a");

    @Test
    void aPinExpiresAfterItsIdleTtlButEveryUseExtendsIt() {
        StickySessions sessions = new StickySessions(true, 10, Duration.ofSeconds(10), nanos::get);
        StickyKey key = new StickyKey("ip", "10.0.0.1");
        sessions.pin(key, a);
        nanos.addAndGet(Duration.ofSeconds(8).toNanos());
        assertThat(sessions.pinned(key)).contains(a.id());
        nanos.addAndGet(Duration.ofSeconds(8).toNanos());
        assertThat(sessions.pinned(key)).as("used 8 s ago, TTL 10 s").contains(a.id());
        nanos.addAndGet(Duration.ofSeconds(11).toNanos());
        assertThat(sessions.pinned(key)).isEmpty();
    }

    @Test
    void neverHoldsMoreThanMaxSessions() {
        StickySessions sessions = new StickySessions(true, 50, Duration.ZERO, nanos::get);
        for (int i = 0; i < 500; i++) {
            nanos.incrementAndGet();
            sessions.pin(new StickyKey("ip", "10.0.0." + i), a);
        }
        assertThat(sessions.stats().activeSessions()).isLessThanOrEqualTo(50);
        assertThat(sessions.stats().evictions()).isEqualTo(450);
        assertThat(sessions.stats().insertions()).isEqualTo(500);
    }
}
