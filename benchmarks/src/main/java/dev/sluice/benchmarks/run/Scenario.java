package dev.sluice.benchmarks.run;

import dev.sluice.benchmarks.load.Load;
import dev.sluice.benchmarks.mock.Script;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One table of the report: a kind of request and the load levels it is run at. {@code headline} says which latency
 * the "added" column compares: the whole exchange for small answers, the first byte for streams.
 */
record Scenario(String name, String description, byte[] body, Map<String, String> headers, List<Level> levels,
                boolean headlineIsFirstByte) {

    /** A load level: closed loop at {@code connections}, or open loop at {@code rate} requests per second. */
    record Level(String label, int connections, double rate) {
        Load load(URI uri, byte[] body, Map<String, String> headers, Duration duration) {
            return connections > 0 ? Load.closed(uri, body, headers, connections, duration)
                    : Load.open(uri, body, headers, rate, duration);
        }
    }

    static Level closed(int connections) {
        return new Level("c=" + connections, connections, 0);
    }

    static Level open(double rate) {
        return new Level(String.format("%.0f/s", rate), 0, rate);
    }

    static final byte[] STREAM_BODY = ("{\"model\":\"bench\",\"stream\":true,\"messages\":[{\"role\":\"user\","
            + "\"content\":\"Write a story about a fox.\"}]}").getBytes(StandardCharsets.UTF_8);
    static final byte[] WHOLE_BODY = ("{\"model\":\"bench\",\"stream\":false,\"messages\":[{\"role\":\"user\","
            + "\"content\":\"Say hello.\"}]}").getBytes(StandardCharsets.UTF_8);

    static Scenario small() {
        return new Scenario("small", "non-streaming chat completion, ~350-byte answer; latency = whole exchange",
                WHOLE_BODY, Map.of(), List.of(closed(1), closed(16), closed(64)), false);
    }

    static Scenario smallOpen(double rate) {
        return new Scenario("small-open", "the small answer on a fixed schedule (open loop: latency counted from the "
                + "intended send time, so queueing shows)", WHOLE_BODY, Map.of(), List.of(open(rate)), false);
    }

    static Scenario stream() {
        return new Scenario("stream", "SSE of 200 chunks with no delay; latency = first body byte",
                STREAM_BODY, script(200, 0), List.of(closed(1), closed(16), closed(64)), true);
    }

    static Scenario paced(List<Integer> streams) {
        return new Scenario("paced", "concurrent SSE streams of 50 chunks 10 ms apart (a real token cadence); "
                + "latency = first body byte", STREAM_BODY, script(50, 10),
                streams.stream().map(Scenario::closed).toList(), true);
    }

    static Map<String, String> script(int chunks, long delayMillis) {
        return Map.of(Script.CHUNKS, Integer.toString(chunks), Script.DELAY, Long.toString(delayMillis));
    }
}
