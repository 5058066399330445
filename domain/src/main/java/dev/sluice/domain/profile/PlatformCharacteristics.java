package dev.sluice.domain.profile;

import java.time.Duration;
import java.util.Objects;

/**
 * How a platform behaves under load, honoured by the request path where Olla parses and ignores it:
 * {@code maxConcurrentRequests} caps requests in flight to each endpoint of the platform (0 is unlimited; excess
 * requests wait in the queue), {@code timeout} caps how long it may take to start answering (when lower than
 * {@code proxy.response_header_timeout}), and {@code defaultPriority} applies to endpoints that set no priority.
 */
public record PlatformCharacteristics(Duration timeout, int maxConcurrentRequests, int defaultPriority,
                                      boolean streamingSupport, boolean singleModelServer) {

    public static final PlatformCharacteristics DEFAULTS =
            new PlatformCharacteristics(Duration.ofMinutes(5), 0, 100, true, false);

    public PlatformCharacteristics {
        Objects.requireNonNull(timeout, "timeout");
    }
}
