package dev.sluice.domain.endpoint;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns a probe result into the endpoint's next health: the status it implies and when to probe again.
 * Pure, so every rule is testable without a clock or a network.
 *
 * <p>Rules (Olla's, with its fixed 30 s tick removed: each endpoint is probed on its own interval):
 * transport failure is {@code offline}; 401/403 {@code config_error}, naming the credential to check; a skipped
 * probe ({@code assume_healthy}) {@code healthy}; 429 {@code rate_limited} until its
 * Retry-After (default 30 s); 2xx {@code healthy}, or {@code busy} when the answer took longer than
 * {@link #slowThreshold}; any other status {@code unhealthy}. While not healthy the wait doubles
 * (interval, 2x, 4x ... capped at 12x and at {@link #maxBackoff}, but never below the interval); one healthy
 * probe resets it.
 */
public final class HealthPolicy {

    static final int MAX_MULTIPLIER = 12;
    static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(30);

    private final Duration maxBackoff;
    private final Duration busyLatency;

    /**
     * @param maxBackoff  the longest wait between probes of a failing endpoint
     * @param busyLatency a successful answer slower than this (or than three quarters of the check timeout,
     *                    whichever is lower) marks the endpoint busy
     */
    public HealthPolicy(Duration maxBackoff, Duration busyLatency) {
        this.maxBackoff = Objects.requireNonNull(maxBackoff, "maxBackoff");
        this.busyLatency = Objects.requireNonNull(busyLatency, "busyLatency");
    }

    public static HealthPolicy standard() {
        return new HealthPolicy(Duration.ofSeconds(60), Duration.ofSeconds(10));
    }

    public EndpointHealth next(EndpointHealth previous, ProbeResult result, Endpoint endpoint, Instant now) {
        EndpointStatus status = classify(result, endpoint.checkTimeout());
        Duration interval = endpoint.checkInterval();
        if (status == EndpointStatus.HEALTHY) {
            return new EndpointHealth(status, Optional.of(now), now.plus(interval), result.latency(), 0, 1,
                    Optional.empty());
        }
        int failures = previous.consecutiveFailures() + 1;
        Duration wait = failures == 1 ? interval : capped(interval.multipliedBy(previous.backoffMultiplier()), interval);
        int multiplier = failures == 1 ? 2 : Math.min(previous.backoffMultiplier() * 2, MAX_MULTIPLIER);
        if (status == EndpointStatus.RATE_LIMITED) {
            Duration retryAfter = ((ProbeAnswered) result).retryAfter().orElse(DEFAULT_RETRY_AFTER);
            wait = wait.compareTo(retryAfter) > 0 ? wait : retryAfter;
        }
        String why = status == EndpointStatus.BUSY
                ? "slow health answer (" + result.latency().toMillis() + " ms)" : describe(result, endpoint);
        return new EndpointHealth(status, Optional.of(now), now.plus(wait), result.latency(), failures, multiplier,
                Optional.of(why));
    }

    EndpointStatus classify(ProbeResult result, Duration checkTimeout) {
        if (result instanceof ProbeUnreachable) {
            return EndpointStatus.OFFLINE;
        }
        if (result instanceof ProbeSkipped) {
            return EndpointStatus.HEALTHY;
        }
        int code = ((ProbeAnswered) result).status();
        if (code == 401 || code == 403) {
            return EndpointStatus.CONFIG_ERROR;
        }
        if (code == 429) {
            return EndpointStatus.RATE_LIMITED;
        }
        if (code >= 200 && code < 300) {
            return isSlow(result.latency(), checkTimeout) ? EndpointStatus.BUSY : EndpointStatus.HEALTHY;
        }
        return EndpointStatus.UNHEALTHY;
    }

    private boolean isSlow(Duration latency, Duration checkTimeout) {
        // The probe gives up at check_timeout, so a fixed 10 s threshold alone would make busy unreachable
        // for the usual 1-2 s timeouts: an answer that used most of its allowance counts as slow too.
        Duration threeQuarters = checkTimeout.multipliedBy(3).dividedBy(4);
        Duration threshold = threeQuarters.compareTo(busyLatency) < 0 ? threeQuarters : busyLatency;
        return latency.compareTo(threshold) > 0;
    }

    private Duration capped(Duration wait, Duration interval) {
        Duration cap = maxBackoff.compareTo(interval) > 0 ? maxBackoff : interval;
        return wait.compareTo(cap) > 0 ? cap : wait;
    }

    private static String describe(ProbeResult result, Endpoint endpoint) {
        if (result instanceof ProbeUnreachable unreachable) {
            return unreachable.reason();
        }
        int code = ((ProbeAnswered) result).status();
        if (code == 401 || code == 403) {
            // Retrying will not fix a refused credential: say which one to look at.
            return code + " from " + endpoint.name() + ": check " + endpoint.provider().credentialHint();
        }
        return "health check returned HTTP " + code;
    }
}
