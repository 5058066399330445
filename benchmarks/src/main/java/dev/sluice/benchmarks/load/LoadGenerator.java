package dev.sluice.benchmarks.load;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Drives a {@link Load} with Jetty's {@link HttpClient}: every request is asynchronous, its body observed read by read
 * (never buffered), each timing recorded into HdrHistograms. Closed loop keeps N requests in flight; open loop starts
 * requests on a fixed schedule from one pacing thread.
 */
public final class LoadGenerator implements AutoCloseable {

    private static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(10);

    private final HttpClient client;

    public LoadGenerator() throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool(64, 4);
        threads.setName("load");
        threads.setDaemon(true);
        client = new HttpClient();
        client.setExecutor(threads);
        client.setMaxConnectionsPerDestination(4096);
        client.setMaxRequestsQueuedPerDestination(1 << 16);
        client.setFollowRedirects(false);
        client.setIdleTimeout(120_000);
        client.setUserAgentField(null);
        client.start();
        // Count bytes as sent: no transparent gunzip.
        client.getContentDecoderFactories().clear();
    }

    public LoadResult run(Load load) throws InterruptedException {
        Run run = new Run(load);
        return run.execute();
    }

    @Override
    public void close() throws Exception {
        client.stop();
    }

    /** The state of one run. */
    private final class Run {
        private final Load load;
        private final Histogram ttfb = new ConcurrentHistogram(HIGHEST_MICROS, 3);
        private final Histogram ttlb = new ConcurrentHistogram(HIGHEST_MICROS, 3);
        private final Histogram maxGap = new ConcurrentHistogram(HIGHEST_MICROS, 3);
        private final AtomicLong ok = new AtomicLong();
        private final AtomicLong bytes = new AtomicLong();
        private final AtomicLong started = new AtomicLong();
        private final AtomicLong inFlight = new AtomicLong();
        private final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
        private final CountDownLatch drained = new CountDownLatch(1);
        private volatile boolean stopping;
        private long deadline;
        private long firstSend;
        private volatile long lastDone;

        Run(Load load) {
            this.load = load;
        }

        LoadResult execute() throws InterruptedException {
            firstSend = System.nanoTime();
            deadline = firstSend + load.duration().toNanos();
            inFlight.incrementAndGet(); // held by the starter until it has started everything
            if (load.openLoop()) {
                pace();
            } else {
                for (int i = 0; i < load.connections(); i++) {
                    startNext(System.nanoTime());
                }
            }
            stopping = true;
            finishOne();
            if (!drained.await(load.duration().toMillis() + 120_000, TimeUnit.MILLISECONDS)) {
                errors.computeIfAbsent("still running at the end", k -> new AtomicLong()).addAndGet(inFlight.get());
            }
            Map<String, Long> errorCounts = new java.util.TreeMap<>();
            errors.forEach((k, v) -> errorCounts.put(k, v.get()));
            long end = Math.max(lastDone, firstSend);
            return new LoadResult(ttfb, ttlb, maxGap, ok.get(), errorCounts, bytes.get(),
                    Duration.ofNanos(end - firstSend));
        }

        // Open loop: request i is due at start + i/rate; latency counts from then, even if sending is late.
        private void pace() {
            long intervalNanos = (long) (1e9 / load.ratePerSec());
            long due = firstSend;
            while (due < deadline && !limitReached()) {
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                send(due);
                due += intervalNanos;
            }
        }

        private boolean limitReached() {
            return load.maxRequests() > 0 && started.get() >= load.maxRequests();
        }

        // Closed loop: each completion starts the next request until the duration or the request limit is up.
        private void startNext(long now) {
            if (now >= deadline || limitReached()) {
                return;
            }
            send(now);
        }

        private void send(long intendedNanos) {
            started.incrementAndGet();
            inFlight.incrementAndGet();
            Request request = client.newRequest(load.uri()).method(HttpMethod.POST)
                    .body(new BytesRequestContent("application/json", load.body()))
                    .timeout(load.duration().toMillis() + 60_000, TimeUnit.MILLISECONDS);
            load.headers().forEach((name, value) -> request.headers(h -> h.put(name, value)));
            Reads reads = new Reads(intendedNanos);
            request.onResponseContent((response, buffer) -> reads.onContent(buffer));
            request.send(result -> complete(reads, result));
        }

        private void complete(Reads reads, Result result) {
            long now = System.nanoTime();
            if (result.isSucceeded() && result.getResponse().getStatus() / 100 == 2 && reads.bytes > 0) {
                ok.incrementAndGet();
                ttfb.recordValue(micros(reads.first - reads.intended));
                ttlb.recordValue(micros(now - reads.intended));
                maxGap.recordValue(micros(reads.maxGap));
                bytes.addAndGet(reads.bytes);
            } else {
                String reason = result.isFailed() ? result.getFailure().getClass().getSimpleName()
                        : "status " + result.getResponse().getStatus();
                errors.computeIfAbsent(reason, k -> new AtomicLong()).incrementAndGet();
            }
            lastDone = now;
            if (!load.openLoop()) {
                startNext(now);
            }
            finishOne();
        }

        private void finishOne() {
            if (inFlight.decrementAndGet() == 0 && stopping) {
                drained.countDown();
            }
        }

        private long micros(long nanos) {
            return Math.min(HIGHEST_MICROS, Math.max(0, nanos / 1000));
        }
    }

    /** Per-request read timings; written by one reading thread at a time, read after completion. */
    private static final class Reads {
        final long intended;
        long first;
        long last;
        long maxGap;
        long bytes;

        Reads(long intended) {
            this.intended = intended;
        }

        void onContent(ByteBuffer buffer) {
            long now = System.nanoTime();
            if (bytes == 0) {
                first = now;
            } else {
                maxGap = Math.max(maxGap, now - last);
            }
            last = now;
            bytes += buffer.remaining();
        }
    }
}
