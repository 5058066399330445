package dev.sluice.benchmarks.load;

import java.time.Duration;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * What a load run measured, in microseconds. Latencies start at the send (closed loop) or at the intended send time
 * (open loop), so a server that falls behind a fixed rate shows its queueing instead of hiding it.
 *
 * @param ttfb    time to the first body bytes
 * @param ttlb    time to the last byte (the whole exchange)
 * @param maxGap  per request, the longest pause between two reads of its body: a proxy that buffers shows here
 * @param ok      requests answered 2xx and read to the end
 * @param errors  everything else, by reason ({@code status 503}, the exception's class)
 * @param elapsed from the first send to the last completion
 */
public record LoadResult(Histogram ttfb, Histogram ttlb, Histogram maxGap, long ok, Map<String, Long> errors,
                         long bytes, Duration elapsed) {

    public long errorCount() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }

    public double requestsPerSecond() {
        return elapsed.isZero() ? 0 : (ok + errorCount()) / (elapsed.toNanos() / 1e9);
    }
}
