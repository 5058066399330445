package dev.sluice.domain.guard;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What real traffic says about an endpoint: counters of consecutive failures and whether it is blocked.
 *
 * @param transportFailures consecutive attempts that never got an answer
 * @param errors            consecutive 5xx answers
 * @param ejections         times it has been ejected in a row (drives the doubling backoff)
 * @param blockedUntil      when requests may go to it again, if blocked
 * @param reason            why it is blocked: {@code circuit_open}, {@code ejected_5xx} or {@code rate_limited}
 * @param trialInFlight     a single trial request is testing a block that expired
 */
public record GuardState(int transportFailures, int errors, int ejections, Optional<Instant> blockedUntil,
                         String reason, boolean trialInFlight) {

    public static final GuardState CLOSED = new GuardState(0, 0, 0, Optional.empty(), "", false);

    public GuardState {
        Objects.requireNonNull(blockedUntil, "blockedUntil");
        Objects.requireNonNull(reason, "reason");
    }

    GuardState withTrial(boolean trial) {
        return new GuardState(transportFailures, errors, ejections, blockedUntil, reason, trial);
    }

    /** {@code closed}, {@code open} or {@code half_open}, as status pages show a breaker. */
    public String describe(Instant now) {
        if (blockedUntil.isEmpty()) {
            return "closed";
        }
        return trialInFlight || !now.isBefore(blockedUntil.get()) ? "half_open" : "open";
    }
}
