package dev.sluice.benchmarks.run;

import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/** Samples a target's RSS every 100 ms while a run lasts and keeps the peak: memory while serving, not after. */
final class RssSampler implements AutoCloseable {

    private final Thread thread;
    private final AtomicLong peak = new AtomicLong(-1);
    private volatile boolean running = true;

    private RssSampler(Supplier<List<Long>> pids) {
        this.thread = new Thread(() -> {
            while (running) {
                List<Long> current = pids.get();
                if (!current.isEmpty()) {
                    ProcStat.rssKib(current).ifPresent(kib -> peak.accumulateAndGet(kib, Math::max));
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "rss-sampler");
        thread.setDaemon(true);
    }

    static RssSampler start(Supplier<List<Long>> pids) {
        RssSampler sampler = new RssSampler(pids);
        sampler.thread.start();
        return sampler;
    }

    OptionalLong peakKib() {
        long value = peak.get();
        return value < 0 ? OptionalLong.empty() : OptionalLong.of(value);
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
