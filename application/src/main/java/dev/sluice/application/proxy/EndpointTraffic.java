package dev.sluice.application.proxy;

import dev.sluice.domain.endpoint.RequestOutcome;
import dev.sluice.domain.endpoint.TrafficSnapshot;
import dev.sluice.domain.balancing.DecayingAverage;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * Request figures for one endpoint, written on the hot path without locks: adders for totals, a CAS loop for
 * extremes. Readers see each figure current, not all of them at one instant, which status pages tolerate.
 */
final class EndpointTraffic {

    final AtomicLong active = new AtomicLong();
    final LongAdder requests = new LongAdder();
    final LongAdder failures = new LongAdder();
    final LongAdder bytes = new LongAdder();
    final LongAdder latencyMillisTotal = new LongAdder();
    final LongAdder firstByteMillisTotal = new LongAdder();
    final LongAdder firstByteSamples = new LongAdder();
    final AtomicLong minLatencyMillis = new AtomicLong(Long.MAX_VALUE);
    final AtomicLong maxLatencyMillis = new AtomicLong();
    /** Recent time to first byte (total time when there were no headers), for fastest-response; null before any. */
    final AtomicReference<DecayingAverage> responseTime = new AtomicReference<>();

    void record(RequestOutcome outcome) {
        recordResponseTime(outcome, System.nanoTime());
        requests.increment();
        if (!outcome.success()) {
            failures.increment();
        }
        bytes.add(outcome.bytes());
        long latency = outcome.latency().toMillis();
        latencyMillisTotal.add(latency);
        minLatencyMillis.accumulateAndGet(latency, Math::min);
        maxLatencyMillis.accumulateAndGet(latency, Math::max);
        outcome.timeToFirstByte().ifPresent(ttfb -> {
            firstByteMillisTotal.add(ttfb.toMillis());
            firstByteSamples.increment();
        });
    }

    // A timeout counts (it was slow); a refused connection or a client that left says nothing about speed.
    private void recordResponseTime(RequestOutcome outcome, long nowNs) {
        if (outcome.failure() != RequestOutcome.FailureKind.NONE
                && outcome.failure() != RequestOutcome.FailureKind.TIMEOUT) {
            return;
        }
        double sample = outcome.timeToFirstByte().orElse(outcome.latency()).toNanos() / 1e6;
        responseTime.updateAndGet(avg -> avg == null ? DecayingAverage.first(sample, nowNs) : avg.with(sample, nowNs));
    }

    /** The recent response time while it is younger than {@code maxAgeNs}. */
    OptionalDouble recentResponseMillis(long nowNs, long maxAgeNs) {
        DecayingAverage avg = responseTime.get();
        return avg != null && avg.freshAt(nowNs, maxAgeNs) ? OptionalDouble.of(avg.millis()) : OptionalDouble.empty();
    }

    TrafficSnapshot snapshot() {
        long count = requests.sum();
        long samples = firstByteSamples.sum();
        return new TrafficSnapshot(active.get(), count, failures.sum(), bytes.sum(),
                count == 0 ? 0 : latencyMillisTotal.sum() / count,
                count == 0 ? 0 : minLatencyMillis.get(), maxLatencyMillis.get(),
                samples == 0 ? 0 : firstByteMillisTotal.sum() / samples);
    }
}
