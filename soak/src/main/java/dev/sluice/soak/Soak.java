package dev.sluice.soak;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.simulator.ChatScript;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One soak run, phase by phase: backends, proxy process, readiness, warm-up, baseline, traffic with kills, end
 * figures, drain, report. Owns everything it starts; {@link #close()} releases all of it, once, from whichever
 * thread gets there first (the run itself or the Ctrl-C hook).
 */
final class Soak implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Soak.class);

    static final String MODEL = "llama3.2:3b";
    static final int BACKENDS = 3;
    /** 20 chunks 20 ms apart: a stream lasts ~0.4 s, long enough that kills land mid-stream. */
    static final ChatScript SCRIPT = new ChatScript(20, Duration.ofMillis(20));

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration RECOVERY_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(30);

    private final SoakArgs args;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final AtomicBoolean closed = new AtomicBoolean();
    private SimulatedFleet fleet;
    private ProxyProcess proxy;
    private HttpClient http;
    private Chaos chaos;
    private LoadGenerator load;

    Soak(SoakArgs args, Clock clock) {
        this.args = requireNonNull(args, "args");
        this.clock = requireNonNull(clock, "clock");
    }

    /** Asks a running soak to wrap up now (Ctrl-C): traffic stops and the report is still produced. */
    void requestStop() {
        stopRequested.countDown();
    }

    SoakReport run() throws Exception {
        Path work = Files.createTempDirectory("sluice-soak-");
        fleet = SimulatedFleet.start(BACKENDS, MODEL, SCRIPT);
        int port = freePort();
        Path config = Files.writeString(work.resolve("config.yaml"),
                ProxyConfig.yaml(port, args.balancer(), fleet.backends()));
        proxy = ProxyProcess.start(args.proxyJar(), config, work.resolve("proxy.log"));
        http = startClient(args.concurrency());
        URI base = URI.create("http://127.0.0.1:" + port + "/");
        ProxyStatus status = new ProxyStatus(http, base, json);
        awaitReady(status);

        InFlight inFlight = new InFlight();
        Tally tally = new Tally();
        TrafficClient client = new TrafficClient(http, base, MODEL, new BodyCheck(json, MODEL, SCRIPT.fullText()));
        load = new LoadGenerator(client, inFlight, tally, System::nanoTime, args.seed());
        chaos = new Chaos(fleet.backends(), inFlight, System::nanoTime, args.killEvery(), args.restartAfter());
        FootprintProbe probe = FootprintProbe.detect();

        long origin = System.nanoTime();
        Instant originWall = clock.instant();
        long end = origin + args.warmup().plus(args.duration()).toNanos();
        // A safety bound for the workers should the run be wedged past its end; stop() normally comes first.
        load.start(args.concurrency(), end + TrafficClient.REQUEST_TIMEOUT.multipliedBy(2).toNanos());
        LOG.info("warming up for {} s with {} workers", args.warmup().toSeconds(), args.concurrency());
        boolean early = waitUntil(origin + args.warmup().toNanos(), tally);
        Footprint baseline = early ? Footprint.UNKNOWN : probe.read(proxy.pid());
        if (!early) {
            LOG.info("baseline taken; {} s of traffic with a kill every {} s", args.duration().toSeconds(),
                    args.killEvery().toSeconds());
            chaos.start(origin, end);
            early = waitUntil(end, tally);
        }
        // No kill from here on, and every backend up again, so the last figures see the fleet whole and under load.
        chaos.close();
        Footprint atEnd = proxy.isAlive() ? probe.read(proxy.pid()) : Footprint.UNKNOWN;
        long stoppedAt = System.nanoTime();
        if (!load.stop(TrafficClient.REQUEST_TIMEOUT.plusSeconds(10))) {
            LOG.warn("some workers were still busy after the request timeout");
        }
        List<EndpointState> afterTraffic = drain(status);
        proxy.close();
        Classification classification = FailureClassifier.classify(tally.failures(), chaos.kills());
        return new SoakReport(args, proxy.pid(), origin, originWall, Duration.ofNanos(stoppedAt - origin), early,
                tally.counts(), tally.servedBy(), classification, tally.unkept(), chaos.kills(), chaos.restarts(), baseline, atEnd,
                afterTraffic, ProxyLog.scan(proxy.log()), proxy.log());
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            if (load != null) {
                load.stop(Duration.ofSeconds(5));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // The proxy goes before the backends, so it is never left pointing at ports that are already gone.
        closeQuietly(chaos);
        closeQuietly(proxy);
        closeQuietly(fleet);
        if (http != null) {
            try {
                http.stop();
            } catch (Exception e) {
                LOG.debug("http client stop: {}", e.getMessage());
            }
        }
    }

    private void awaitReady(ProxyStatus status) throws InterruptedException {
        LOG.info("waiting for the proxy to answer and all {} endpoints to be healthy", BACKENDS);
        boolean ready = ProxyStatus.await(READY_TIMEOUT, () -> !proxy.isAlive() || (status.live()
                && status.endpoints().stream().filter(EndpointState::healthy).count() == BACKENDS
                && status.catalogues(MODEL)));
        if (!proxy.isAlive()) {
            throw new IllegalStateException("the proxy exited during startup; its last lines:\n" + proxy.tail(20));
        }
        if (!ready) {
            throw new IllegalStateException("the proxy was not ready within " + READY_TIMEOUT.toSeconds()
                    + " s (endpoints: " + status.endpoints() + "); its last lines:\n" + proxy.tail(20));
        }
    }

    /** Waits for every lease to be released and every endpoint to be healthy, within the drain and recovery times. */
    private List<EndpointState> drain(ProxyStatus status) throws InterruptedException {
        ProxyStatus.await(DRAIN_TIMEOUT, () -> status.endpoints().stream().allMatch(e -> e.activeConnections() == 0));
        ProxyStatus.await(RECOVERY_TIMEOUT, () -> {
            List<EndpointState> now = status.endpoints();
            return now.size() == BACKENDS && now.stream().allMatch(EndpointState::healthy);
        });
        return status.endpoints();
    }

    /** Sleeps until the deadline, logging progress; true if stopped early by Ctrl-C or a dead proxy. */
    private boolean waitUntil(long deadlineNanos, Tally tally) throws InterruptedException {
        while (true) {
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            if (stopRequested.await(Math.min(left, PROGRESS_EVERY.toNanos()), TimeUnit.NANOSECONDS)) {
                LOG.warn("stop requested: wrapping up early");
                return true;
            }
            if (!proxy.isAlive()) {
                LOG.error("the proxy process exited during the run; its last lines:\n{}", proxy.tail(20));
                return true;
            }
            KindCounts total = tally.counts().values().stream().reduce(KindCounts.NONE, KindCounts::plus);
            LOG.info("{} sent, {} succeeded, {} failed so far", total.sent(), total.succeeded(), total.failed());
        }
    }

    private static HttpClient startClient(int concurrency) throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("soak-http");
        threads.setDaemon(true);
        HttpClient client = new HttpClient();
        client.setExecutor(threads);
        // One connection per worker plus room for status polls: no request ever queues inside the client.
        client.setMaxConnectionsPerDestination(concurrency + 4);
        client.setConnectTimeout(5_000);
        client.setIdleTimeout(60_000);
        client.setFollowRedirects(false);
        client.start();
        return client;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void closeQuietly(AutoCloseable resource) {
        if (resource == null) {
            return;
        }
        try {
            resource.close();
        } catch (Exception e) {
            LOG.warn("closing {}: {}", resource, e.getMessage());
        }
    }
}
