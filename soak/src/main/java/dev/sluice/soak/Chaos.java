package dev.sluice.soak;

import static java.util.Objects.requireNonNull;

import dev.sluice.simulator.RecordedRequest;
import dev.sluice.simulator.SimulatedBackend;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kills one backend in turn every {@code killEvery} and brings it back {@code restartAfter} later on the same
 * port. Each kill is recorded with the soak's requests that backend was serving as it died (it learns them from
 * the backend's own request log: the proxy forwards our request id), so failures can be judged afterwards.
 */
final class Chaos implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Chaos.class);

    private final List<SimulatedBackend> backends;
    private final InFlight inFlight;
    private final LongSupplier nanoTime;
    private final Duration killEvery;
    private final Duration restartAfter;
    private final ScheduledExecutorService scheduler;
    private final List<KillWindow> kills = new CopyOnWriteArrayList<>();
    private final AtomicInteger restarts = new AtomicInteger();
    private long originNanos;
    private long endNanos;
    private int next;

    Chaos(List<SimulatedBackend> backends, InFlight inFlight, LongSupplier nanoTime, Duration killEvery,
          Duration restartAfter) {
        this.backends = List.copyOf(backends);
        this.inFlight = requireNonNull(inFlight, "inFlight");
        this.nanoTime = requireNonNull(nanoTime, "nanoTime");
        this.killEvery = requireNonNull(killEvery, "killEvery");
        this.restartAfter = requireNonNull(restartAfter, "restartAfter");
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "soak-chaos");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Kills at {@code killEvery}, {@code 2 x killEvery}... after now. A kill whose restart would fall after
     * {@code endNanos} is skipped, so every backend is up when traffic stops.
     *
     * @param originNanos the run's time zero, for log lines
     */
    synchronized void start(long originNanos, long endNanos) {
        this.originNanos = originNanos;
        this.endNanos = endNanos;
        long period = killEvery.toNanos();
        scheduler.scheduleAtFixedRate(this::killNext, period, period, TimeUnit.NANOSECONDS);
    }

    List<KillWindow> kills() {
        return List.copyOf(kills);
    }

    int restarts() {
        return restarts.get();
    }

    /** Stops scheduling, waits for a kill or restart under way, and brings back any backend still down. */
    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            if (!scheduler.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("chaos thread still busy after 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (SimulatedBackend backend : backends) {
            if (!backend.isRunning()) {
                restart(backend);
            }
        }
    }

    private synchronized void killNext() {
        if (nanoTime.getAsLong() + restartAfter.toNanos() - endNanos > 0) {
            return;
        }
        SimulatedBackend victim = backends.get(next);
        next = (next + 1) % backends.size();
        Set<String> outstanding = inFlight.outstanding();
        long watermark = inFlight.watermark();
        long stopping = nanoTime.getAsLong();
        victim.stop();
        long stopped = nanoTime.getAsLong();
        // Read after the stop: a request that reached the backend while it was closing is in the log too.
        Set<String> live = victim.requests().stream().map(Chaos::requestId).flatMap(Optional::stream)
                .filter(id -> InFlight.liveAt(id, outstanding, watermark)).collect(Collectors.toSet());
        kills.add(new KillWindow(victim.name(), stopping, stopped, live));
        LOG.info("+{} killed {} ({} soak requests in flight on it); back in {} s", seconds(stopping),
                victim.name(), live.size(), restartAfter.toSeconds());
        scheduler.schedule(() -> restart(victim), restartAfter.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void restart(SimulatedBackend backend) {
        try {
            backend.start();
            restarts.incrementAndGet();
            LOG.info("+{} restarted {}", seconds(nanoTime.getAsLong()), backend.name());
        } catch (IllegalStateException e) {
            LOG.error("could not restart {}: {}", backend.name(), e.getMessage());
        }
    }

    private String seconds(long nanos) {
        return String.format("%.1fs", (nanos - originNanos) / 1e9);
    }

    private static Optional<String> requestId(RecordedRequest request) {
        Optional<String> olla = request.header("X-Olla-Request-ID");
        return olla.isPresent() ? olla : request.header("X-Request-ID");
    }
}
