package dev.sluice.domain.guard;

import dev.sluice.domain.endpoint.RequestOutcome;
import dev.sluice.domain.endpoint.RequestOutcome.FailureKind;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Passive health from real traffic: a circuit breaker for transport failures (Olla's: {@code failureThreshold} in a
 * row open it for {@code openDuration}, then one trial request decides) and outlier ejection for answers
 * (beyond Olla, its issue #144: {@code errorThreshold} 5xx in a row eject the endpoint for a backoff that doubles up
 * to {@code maxEjection}; a 429 ejects it at once for its Retry-After; an answer saying the provider's budget is spent holds it back
 * until the budget resets). Pure: state in, state out.
 *
 * @param breakerEnabled whether transport failures open a breaker (the {@code olla} engine's; {@code sherpa} has none)
 */
public record GuardPolicy(boolean breakerEnabled, int failureThreshold, Duration openDuration, int errorThreshold,
                          Duration baseEjection, Duration maxEjection) {

    public GuardPolicy {
        Objects.requireNonNull(openDuration, "openDuration");
        Objects.requireNonNull(baseEjection, "baseEjection");
        Objects.requireNonNull(maxEjection, "maxEjection");
    }

    /** Whether a request may go to the endpoint now; a breaker past its open time admits one trial. */
    public Admission admit(GuardState state, Instant now) {
        if (state.blockedUntil().isEmpty()) {
            return new Admission(true, state);
        }
        if (now.isBefore(state.blockedUntil().get()) || state.trialInFlight()) {
            return new Admission(false, state);
        }
        // The block expired: exactly one request goes through to find out whether the endpoint is back.
        return new Admission(true, state.withTrial(true));
    }

    /** The state after an attempt ended this way. */
    public GuardState record(GuardState state, RequestOutcome outcome, Instant now) {
        FailureKind kind = outcome.failure();
        if (kind == FailureKind.CLIENT_GONE) {
            return state.withTrial(false);
        }
        if (kind == FailureKind.UNREACHABLE || kind == FailureKind.TIMEOUT || kind == FailureKind.BROKEN) {
            int failures = state.transportFailures() + 1;
            if (breakerEnabled && (failures >= failureThreshold || state.trialInFlight())) {
                return new GuardState(failures, state.errors(), state.ejections(), Optional.of(now.plus(openDuration)),
                        "circuit_open", false);
            }
            return new GuardState(failures, state.errors(), state.ejections(), state.blockedUntil(), state.reason(),
                    false);
        }
        if (outcome.status() == 429) {
            Duration wait = outcome.retryAfter().orElse(baseEjection);
            return new GuardState(0, state.errors(), state.ejections() + 1, Optional.of(now.plus(wait)),
                    "rate_limited", false);
        }
        if (outcome.status() >= 500) {
            int errors = state.errors() + 1;
            if (errors >= errorThreshold || state.trialInFlight()) {
                Duration wait = ejection(state.ejections());
                return new GuardState(0, errors, state.ejections() + 1, Optional.of(now.plus(wait)), "ejected_5xx",
                        false);
            }
            return new GuardState(0, errors, state.ejections(), state.blockedUntil(), state.reason(), false);
        }
        if (outcome.status() < 400 && outcome.retryAfter().isPresent()) {
            // Served, but its budget is spent (x-ratelimit-remaining 0): left alone until the reset, before it refuses.
            return new GuardState(0, 0, state.ejections(), Optional.of(now.plus(outcome.retryAfter().get())),
                    "rate_limit_exhausted", false);
        }
        return GuardState.CLOSED;
    }

    private Duration ejection(int previous) {
        Duration wait = baseEjection.multipliedBy(1L << Math.min(previous, 20));
        return wait.compareTo(maxEjection) > 0 ? maxEjection : wait;
    }

    /** The outcome of {@link #admit}: whether to send, and the state to store if so. */
    public record Admission(boolean allowed, GuardState state) {
    }
}
