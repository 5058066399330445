package dev.sluice.domain.profile;

import java.time.Duration;
import java.util.Objects;

/**
 * How a platform behaves under load. {@code maxConcurrentRequests} and {@code timeout} are honoured by the
 * request path (Olla parses and ignores them); {@code defaultPriority} applies to endpoints that set no priority.
 */
public record PlatformCharacteristics(Duration timeout, int maxConcurrentRequests, int defaultPriority,
                                      boolean streamingSupport, boolean singleModelServer) {

    public static final PlatformCharacteristics DEFAULTS =
            new PlatformCharacteristics(Duration.ofMinutes(5), 0, 100, true, false);

    public PlatformCharacteristics {
        Objects.requireNonNull(timeout, "timeout");
    }
}
