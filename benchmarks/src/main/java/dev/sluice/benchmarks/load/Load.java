package dev.sluice.benchmarks.load;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * One load run: what to send and how hard.
 *
 * @param uri         the full request URI
 * @param body        the JSON request body (POSTed)
 * @param headers     extra request headers (the mock's {@code X-Bench-*} script overrides travel here)
 * @param connections closed loop: this many requests in flight, each sent as the previous one completes;
 *                    0 for open loop
 * @param ratePerSec  open loop: requests started per second on a fixed schedule, whatever the answers do
 * @param duration    how long new requests are started (requests in flight then finish)
 * @param maxRequests stop starting requests after this many (0: no limit)
 */
public record Load(URI uri, byte[] body, Map<String, String> headers, int connections, double ratePerSec,
                   Duration duration, long maxRequests) {

    public Load {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(body, "body");
        headers = Map.copyOf(headers);
        Objects.requireNonNull(duration, "duration");
        if ((connections > 0) == (ratePerSec > 0)) {
            throw new IllegalArgumentException("give either connections (closed loop) or a rate (open loop)");
        }
    }

    public static Load closed(URI uri, byte[] body, Map<String, String> headers, int connections, Duration duration) {
        return new Load(uri, body, headers, connections, 0, duration, 0);
    }

    public static Load open(URI uri, byte[] body, Map<String, String> headers, double ratePerSec, Duration duration) {
        return new Load(uri, body, headers, 0, ratePerSec, duration, 0);
    }

    public Load withMaxRequests(long max) {
        return new Load(uri, body, headers, connections, ratePerSec, duration, max);
    }

    public Load withDuration(Duration newDuration) {
        return new Load(uri, body, headers, connections, ratePerSec, newDuration, maxRequests);
    }

    public boolean openLoop() {
        return connections == 0;
    }
}
