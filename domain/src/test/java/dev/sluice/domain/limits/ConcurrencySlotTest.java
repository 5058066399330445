package dev.sluice.domain.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConcurrencySlotTest {

    @Test
    void takesPlacesUpToItsLimitAndFreesThemOnRelease() {
        ConcurrencySlot slot = new ConcurrencySlot(2);
        assertThat(slot.tryAcquire()).isTrue();
        assertThat(slot.tryAcquire()).isTrue();
        assertThat(slot.hasRoom()).isFalse();
        assertThat(slot.tryAcquire()).isFalse();
        slot.release();
        assertThat(slot.hasRoom()).isTrue();
        assertThat(slot.tryAcquire()).isTrue();
        assertThat(slot.inFlight()).isEqualTo(2);
    }

    @Test
    void zeroMeansUnlimitedButStillCounts() {
        ConcurrencySlot slot = new ConcurrencySlot(0);
        for (int i = 0; i < 1000; i++) {
            assertThat(slot.tryAcquire()).isTrue();
        }
        assertThat(slot.inFlight()).isEqualTo(1000);
        assertThat(slot.hasRoom()).isTrue();
    }

    @Test
    void aReleaseWithoutAnAcquireIsABugNotANegativeCount() {
        ConcurrencySlot slot = new ConcurrencySlot(1);
        assertThatThrownBy(slot::release).isInstanceOf(IllegalStateException.class);
        assertThat(slot.inFlight()).isZero();
    }

    @Test
    void neverExceedsItsLimitUnderContention() throws Exception {
        ConcurrencySlot slot = new ConcurrencySlot(3);
        java.util.concurrent.atomic.AtomicInteger peak = new java.util.concurrent.atomic.AtomicInteger();
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 20_000; i++) {
                    if (slot.tryAcquire()) {
                        peak.accumulateAndGet(slot.inFlight(), Math::max);
                        slot.release();
                    }
                }
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(peak.get()).isLessThanOrEqualTo(3);
        assertThat(slot.inFlight()).isZero();
    }
}
