package dev.sluice.application.port.in;

import dev.sluice.domain.endpoint.Endpoint;
import java.util.Map;
import java.util.Objects;

/**
 * Reads what an endpoint's finished requests added up to: latency percentiles, tokens and which models were asked
 * for. Fed by the request metrics, so all zero when metrics are switched off. Lock-free; for status pages.
 */
public interface ReportEndpointUsage {

    /** Nothing recorded: what every endpoint reads while metrics are off. */
    ReportEndpointUsage NONE = endpoint -> Usage.EMPTY;

    Usage of(Endpoint endpoint);

    /**
     * @param latency   arrival to last byte
     * @param firstByte arrival to first body byte
     * @param models    by model name (unknown names counted under {@code other})
     */
    record Usage(long requests, long successes, long failures, Latency latency, Latency firstByte, long inputTokens,
                 long outputTokens, Map<String, ModelUsage> models) {

        public static final Usage EMPTY = new Usage(0, 0, 0, Latency.NONE, Latency.NONE, 0, 0, Map.of());

        public Usage {
            Objects.requireNonNull(latency, "latency");
            Objects.requireNonNull(firstByte, "firstByte");
            models = Map.copyOf(models);
        }
    }

    /** Recent-weighted figures in milliseconds; {@code count} is every sample ever taken. */
    record Latency(long count, double meanMillis, double p50Millis, double p95Millis, double p99Millis) {

        public static final Latency NONE = new Latency(0, 0, 0, 0, 0);
    }

    record ModelUsage(long requests, long successes, long failures, double meanLatencyMillis, long inputTokens,
                      long outputTokens) {
    }
}
