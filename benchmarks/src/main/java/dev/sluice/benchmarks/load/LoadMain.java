package dev.sluice.benchmarks.load;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code java -jar benchmarks.jar load URL [--connections N | --rate R] [--seconds S] [--requests N] [--stream]
 * [--chunks N] [--chunk-delay-ms D]}: the load generator alone against any chat completions URL, printing one line
 * of figures (microseconds).
 */
public final class LoadMain {

    private LoadMain() {
    }

    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args[0]);
        int connections = 16;
        double rate = 0;
        double seconds = 10;
        long requests = 0;
        boolean stream = false;
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--connections" -> { connections = Integer.parseInt(value); i++; }
                case "--rate" -> { rate = Double.parseDouble(value); connections = 0; i++; }
                case "--seconds" -> { seconds = Double.parseDouble(value); i++; }
                case "--requests" -> { requests = Long.parseLong(value); i++; }
                case "--stream" -> stream = true;
                case "--chunks" -> { headers.put("X-Bench-Chunks", value); i++; }
                case "--chunk-delay-ms" -> { headers.put("X-Bench-Chunk-Delay-Ms", value); i++; }
                default -> throw new IllegalArgumentException("load: unknown option " + args[i]);
            }
        }
        byte[] body = ("{\"model\":\"bench\",\"stream\":" + stream + ",\"messages\":[{\"role\":\"user\","
                + "\"content\":\"hello\"}]}").getBytes(StandardCharsets.UTF_8);
        Duration duration = Duration.ofMillis((long) (seconds * 1000));
        Load load = connections > 0 ? Load.closed(uri, body, headers, connections, duration)
                : Load.open(uri, body, headers, rate, duration);
        try (LoadGenerator generator = new LoadGenerator()) {
            LoadResult r = generator.run(requests > 0 ? load.withMaxRequests(requests) : load);
            System.out.printf("ok %d errors %s req/s %.0f | ttfb p50 %d p99 %d p99.9 %d | ttlb p50 %d p99 %d p99.9 %d"
                            + " | max gap p99 %d max %d (µs)%n", r.ok(), r.errors(), r.requestsPerSecond(),
                    r.ttfb().getValueAtPercentile(50), r.ttfb().getValueAtPercentile(99),
                    r.ttfb().getValueAtPercentile(99.9), r.ttlb().getValueAtPercentile(50),
                    r.ttlb().getValueAtPercentile(99), r.ttlb().getValueAtPercentile(99.9),
                    r.maxGap().getValueAtPercentile(99), r.maxGap().getMaxValue());
        }
    }
}
