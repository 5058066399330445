package dev.sluice.application.proxy;

import dev.sluice.domain.endpoint.RequestOutcome;
import dev.sluice.domain.endpoint.TrafficSnapshot;
import java.util.concurrent.atomic.AtomicLong;
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

    void record(RequestOutcome outcome) {
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

    TrafficSnapshot snapshot() {
        long count = requests.sum();
        long samples = firstByteSamples.sum();
        return new TrafficSnapshot(active.get(), count, failures.sum(), bytes.sum(),
                count == 0 ? 0 : latencyMillisTotal.sum() / count,
                count == 0 ? 0 : minLatencyMillis.get(), maxLatencyMillis.get(),
                samples == 0 ? 0 : firstByteMillisTotal.sum() / samples);
    }
}
