package dev.sluice.domain.endpoint;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How one proxied attempt ended.
 *
 * @param bytes           response body bytes relayed to the client
 * @param latency         from sending upstream to the end of the response
 * @param timeToFirstByte from sending upstream to the response headers, when they arrived
 * @param status          the backend's HTTP status, 0 when it never answered
 * @param failure         what went wrong, if anything: decides whether the endpoint is to blame
 * @param retryAfter      how long the provider asked to be left alone: a 429's Retry-After, or the time until a spent
 *                        rate-limit budget resets (see {@code RateLimitHeaders})
 */
public record RequestOutcome(long bytes, Duration latency, Optional<Duration> timeToFirstByte,
                             int status, FailureKind failure, Optional<Duration> retryAfter) {

    /** Why an attempt failed, from the endpoint's point of view. */
    public enum FailureKind {
        NONE,
        /** Refused, reset, unresolvable: the request never reached a working server. */
        UNREACHABLE,
        /** Connected, but no headers (or no next byte) within the configured time. */
        TIMEOUT,
        /** The backend broke the connection after answering. */
        BROKEN,
        /** The client went away: not the endpoint's fault. */
        CLIENT_GONE
    }

    public RequestOutcome {
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(timeToFirstByte, "timeToFirstByte");
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(retryAfter, "retryAfter");
    }

    /** The response was relayed whole (whatever its status); false for transport failures, timeouts, client aborts. */
    public boolean success() {
        return failure == FailureKind.NONE;
    }

    /** A whole answer relayed with this status. */
    public static RequestOutcome answered(int status, long bytes, Duration latency, Optional<Duration> ttfb,
                                          Optional<Duration> retryAfter) {
        return new RequestOutcome(bytes, latency, ttfb, status, FailureKind.NONE, retryAfter);
    }

    /** An attempt that failed this way. */
    public static RequestOutcome failed(FailureKind kind, int status, long bytes, Duration latency,
                                        Optional<Duration> ttfb) {
        return new RequestOutcome(bytes, latency, ttfb, status, kind, Optional.empty());
    }
}
