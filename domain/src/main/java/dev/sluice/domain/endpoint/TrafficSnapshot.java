package dev.sluice.domain.endpoint;

/**
 * An endpoint's request figures at one moment.
 *
 * @param active requests in flight now
 */
public record TrafficSnapshot(long active, long requests, long failures, long bytes, long avgLatencyMillis,
                              long minLatencyMillis, long maxLatencyMillis, long avgFirstByteMillis) {

    public static final TrafficSnapshot NONE = new TrafficSnapshot(0, 0, 0, 0, 0, 0, 0, 0);

    /** Share of requests that succeeded, in percent; NaN without traffic. */
    public double successRate() {
        return requests == 0 ? Double.NaN : 100.0 * (requests - failures) / requests;
    }
}
