package dev.sluice.soak;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closed-loop workers: each sends one request, reads it to the end, records it, and sends the next. Load thus
 * follows the proxy's speed instead of piling up, and concurrency is exactly the worker count.
 */
final class LoadGenerator {

    private static final Logger LOG = LoggerFactory.getLogger(LoadGenerator.class);

    private final TrafficClient client;
    private final InFlight inFlight;
    private final Tally tally;
    private final LongSupplier nanoTime;
    private final long seed;
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean running;

    LoadGenerator(TrafficClient client, InFlight inFlight, Tally tally, LongSupplier nanoTime, long seed) {
        this.client = requireNonNull(client, "client");
        this.inFlight = requireNonNull(inFlight, "inFlight");
        this.tally = requireNonNull(tally, "tally");
        this.nanoTime = requireNonNull(nanoTime, "nanoTime");
        this.seed = seed;
    }

    /**
     * Starts the workers. They run until {@link #stop} or, should nobody call it, until {@code hardStopNanos}:
     * the loop is bounded either way.
     */
    synchronized void start(int count, long hardStopNanos) {
        running = true;
        for (int i = 0; i < count; i++) {
            // One seeded source per worker: the mix each worker sends repeats from run to run.
            Random random = new Random(seed * 31 + i);
            Thread worker = new Thread(() -> loop(random, hardStopNanos), "soak-worker-" + i);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
    }

    /** Lets every worker finish its current request, then returns; false if one was still busy at the deadline. */
    synchronized boolean stop(Duration patience) throws InterruptedException {
        running = false;
        long deadline = System.nanoTime() + patience.toNanos();
        boolean all = true;
        for (Thread worker : workers) {
            worker.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            all &= !worker.isAlive();
        }
        return all;
    }

    private void loop(Random random, long hardStopNanos) {
        while (running && nanoTime.getAsLong() - hardStopNanos < 0) {
            TrafficKind kind = TrafficKind.pick(random);
            String id = inFlight.begin();
            tally.sent(kind);
            long start = nanoTime.getAsLong();
            Outcome outcome;
            try {
                outcome = client.send(kind, id);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                inFlight.end(id);
                return;
            } catch (RuntimeException e) {
                // A bug in the soak must not silently shrink the load: count it and keep going.
                LOG.warn("request {} threw", id, e);
                outcome = new Outcome.Failed(Problem.of(FailureKind.CONNECTION,
                        "soak client threw " + TrafficClient.describe(e)), "");
            }
            long end = nanoTime.getAsLong();
            inFlight.end(id);
            outcome.recordIn(tally, kind, id, start, end);
        }
    }
}
