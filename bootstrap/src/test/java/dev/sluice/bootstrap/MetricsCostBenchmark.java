package dev.sluice.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What metrics cost on the hot path: two proxies in one JVM, one with metrics on (registry, response tail, token
 * parsing) and one with {@code sluice.metrics.enabled=false}, in front of the same backend streaming an OpenAI
 * answer with a usage chunk. Rounds alternate between them; each round's process CPU time (client, proxy and
 * backend alike, so only the difference means anything) is divided by its requests. Prints figures, asserts only
 * that every request succeeded. Not part of {@code verify} (its name is no *Test): run it with
 * {@code mvn -o -q -pl bootstrap -am test -Dtest=MetricsCostBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class MetricsCostBenchmark {

    private static final int CLIENTS = 4;
    private static final int PER_ROUND = Integer.getInteger("bench.requests", 4000);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 5);
    private static final String CHAT = "{\"model\":\"gpt-4o-mini\",\"stream\":true,\"messages\":[{\"role\":\"user\","
            + "\"content\":\"hi\"}]}";

    @Test
    void cpuPerRequest_metricsOnVersusOff(@TempDir Path dir) throws Exception {
        try (WireBackend backend = new WireBackend("/v1/chat/completions", "text/event-stream",
                ObservabilityIntegrationTest.OPENAI_STREAM, 0, Map.of("/v1/models",
                "{\"object\":\"list\",\"data\":[{\"id\":\"gpt-4o-mini\",\"object\":\"model\"}]}"))) {
            String yaml = RunningProxy.config("", RunningProxy.endpoint("openai", backend.baseUri(), "openai-compatible"));
            try (RunningProxy on = RunningProxy.start(java.nio.file.Files.createDirectories(dir.resolve("on")), yaml, true);
                 RunningProxy off = RunningProxy.start(java.nio.file.Files.createDirectories(dir.resolve("off")), yaml,
                         false)) {
                ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
                HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(CLIENTS)).build();
                for (int i = 0; i < 3; i++) {
                    round(on, http, clients, PER_ROUND);
                    round(off, http, clients, PER_ROUND);
                }
                List<double[]> onRounds = new ArrayList<>();
                List<double[]> offRounds = new ArrayList<>();
                for (int i = 0; i < ROUNDS; i++) {
                    onRounds.add(round(on, http, clients, PER_ROUND));
                    offRounds.add(round(off, http, clients, PER_ROUND));
                }
                clients.shutdownNow();
                report("metrics on ", onRounds);
                report("metrics off", offRounds);
                double deltaMicros = median(onRounds, 0) - median(offRounds, 0);
                System.out.printf(Locale.ROOT, "metrics cost (whole process): %.1f us CPU per request (%.1f%% of the off "
                        + "figure)%n", deltaMicros, 100 * deltaMicros / median(offRounds, 0));
                double proxyDelta = median(onRounds, 2) - median(offRounds, 2);
                System.out.printf(Locale.ROOT, "metrics cost (proxy threads only): %.1f us CPU per request (%.1f%% of "
                        + "the off figure)%n", proxyDelta, 100 * proxyDelta / median(offRounds, 2));
            }
        }
    }

    // CPU microseconds per request and requests per second for one round.
    private static double[] round(RunningProxy proxy, HttpClient http, ExecutorService clients, int requests)
            throws Exception {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        HttpRequest request = HttpRequest.newBuilder(proxy.uri("/olla/openai/v1/chat/completions"))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(CHAT)).build();
        Map<Long, Long> proxyBefore = proxyThreadCpu();
        long cpuBefore = os.getProcessCpuTime();
        long start = System.nanoTime();
        List<Future<Integer>> done = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            done.add(clients.submit(() -> {
                int ok = 0;
                for (int i = 0; i < requests / CLIENTS; i++) {
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 200 && response.body().endsWith("[DONE]\n\n")) {
                        ok++;
                    }
                }
                return ok;
            }));
        }
        int ok = 0;
        for (Future<Integer> f : done) {
            ok += f.get();
        }
        long wall = System.nanoTime() - start;
        long cpu = os.getProcessCpuTime() - cpuBefore;
        long proxyCpu = 0;
        for (Map.Entry<Long, Long> after : proxyThreadCpu().entrySet()) {
            proxyCpu += after.getValue() - proxyBefore.getOrDefault(after.getKey(), 0L);
        }
        assertThat(ok).isEqualTo(requests / CLIENTS * CLIENTS);
        return new double[] {cpu / 1000.0 / ok, ok / (wall / 1e9), proxyCpu / 1000.0 / ok};
    }

    // The proxy's own threads: its server pool (sluice-http) and its upstream client pool (named after the servlet).
    // Only the proxy under load in a round is busy, so a round's delta is that proxy's work.
    private static Map<Long, Long> proxyThreadCpu() {
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<Long, Long> cpu = new java.util.HashMap<>();
        for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && (info.getThreadName().startsWith("sluice-http") || info.getThreadName().startsWith("proxy"))) {
                long t = threads.getThreadCpuTime(info.getThreadId());
                if (t > 0) {
                    cpu.put(info.getThreadId(), t);
                }
            }
        }
        return cpu;
    }

    private static double median(List<double[]> rounds, int index) {
        double[] values = rounds.stream().mapToDouble(r -> r[index]).sorted().toArray();
        return values[values.length / 2];
    }

    private static void report(String label, List<double[]> rounds) {
        StringBuilder each = new StringBuilder();
        rounds.forEach(r -> each.append(String.format(Locale.ROOT, " %.1f", r[0])));
        System.out.printf(Locale.ROOT, "%s: median %.1f us CPU/request (proxy threads %.1f), %.0f requests/s "
                + "(rounds:%s)%n", label, median(rounds, 0), median(rounds, 2), median(rounds, 1), each);
    }
}
