package dev.sluice.benchmarks.run;

import dev.sluice.benchmarks.load.Load;
import dev.sluice.benchmarks.load.LoadGenerator;
import dev.sluice.benchmarks.load.LoadResult;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code queue} table: one endpoint limited to {@value #LIMIT} requests at once, requests that each hold it for
 * about 50 ms, offered on a fixed schedule from half its capacity to one and a half times it. It answers two
 * questions: at what throughput the queue starts to hold requests (the share that waited, from
 * {@code /internal/stats/queue}), and what waiting costs them (latency against the same request unqueued).
 */
final class QueueScenario {

    static final int LIMIT = 4;
    private static final Map<String, String> SCRIPT = Scenario.script(5, 10);
    private static final double[] LOADS = {0.5, 0.8, 0.9, 1.0, 1.2, 1.5};

    /** Starts the proxy under test with its endpoint limited to that many concurrent requests. */
    interface ProxyStarter {
        Target start(int maxConcurrent) throws Exception;
    }

    private final PrintStream out;
    private final RunOptions options;
    private final LoadGenerator load;
    private final ProxyStarter starter;
    private final Target direct;
    private final HttpClient http = HttpClient.newHttpClient();

    QueueScenario(PrintStream out, RunOptions options, LoadGenerator load, ProxyStarter starter, Target direct) {
        this.out = out;
        this.options = options;
        this.load = load;
        this.starter = starter;
        this.direct = direct;
    }

    void run() throws Exception {
        // The service time is measured, not assumed: the mock's pauses sit on a timer with its own granularity.
        LoadResult alone = load.run(Load.closed(direct.chat(), Scenario.STREAM_BODY, SCRIPT, 1, options.measure()));
        double serviceMillis = alone.ttlb().getValueAtPercentile(50) / 1000.0;
        double capacity = LIMIT * 1000.0 / serviceMillis;
        Target proxy = starter.start(LIMIT);
        URI stats = URI.create(proxy.base().getScheme() + "://" + proxy.base().getAuthority() + "/internal/stats/queue");
        out.println();
        out.printf("== queue: one endpoint limited to %d requests at once (max_concurrent_requests), each request %.1f ms"
                + " (5 chunks 10 ms apart): capacity %.0f req/s; open loop, latency from the intended send time%n",
                LIMIT, serviceMillis, capacity);
        String header = String.format("%-8s %8s %8s %5s | %8s %6s | %8s %8s %8s | %8s", "offered", "req/s", "ok",
                "503", "waited", "%", "TTLB p50", "p99", "p99.9", "+p50");
        out.println(header);
        out.println("-".repeat(header.length()));
        load.run(Load.closed(proxy.chat(), Scenario.STREAM_BODY, SCRIPT, LIMIT, options.warmup()));
        for (double share : LOADS) {
            double rate = capacity * share;
            Load spec = Load.open(proxy.chat(), Scenario.STREAM_BODY, SCRIPT, rate, options.measure());
            long before = admittedAfterWait(stats);
            LoadResult r = load.run(spec);
            long waited = admittedAfterWait(stats) - before;
            long total = r.ok() + r.errorCount();
            out.printf("%-8s %8.0f %8d %5d | %8d %5.1f%% | %8s %8s %8s | %8s%n",
                    String.format("%.0f%%", share * 100), r.requestsPerSecond(), r.ok(),
                    r.errors().getOrDefault("status 503", 0L), waited, total == 0 ? 0 : 100.0 * waited / total,
                    Report.micros(r.ttlb().getValueAtPercentile(50)), Report.micros(r.ttlb().getValueAtPercentile(99)),
                    Report.micros(r.ttlb().getValueAtPercentile(99.9)),
                    Report.signed(r.ttlb().getValueAtPercentile(50) - alone.ttlb().getValueAtPercentile(50)));
        }
        out.println("  waited: requests that found the endpoint full and were admitted from the queue when a place freed;"
                + " +p50 against one request alone, straight to the mock");
    }

    private static final Pattern ADMITTED = Pattern.compile("\"admitted_after_wait\"\\s*:\\s*(\\d+)");

    private long admittedAfterWait(URI stats) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(stats).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = ADMITTED.matcher(answer.body());
        if (answer.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException("unexpected answer from " + stats + ": " + answer.statusCode() + " "
                    + answer.body());
        }
        return Long.parseLong(m.group(1));
    }
}
