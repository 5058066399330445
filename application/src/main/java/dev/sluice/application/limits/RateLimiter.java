package dev.sluice.application.limits;

import dev.sluice.application.port.in.AdmitClient;
import dev.sluice.domain.limits.Rate;
import dev.sluice.domain.limits.RateDecision;
import dev.sluice.domain.limits.TokenBucket;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * {@code server.rate_limits}: a per-IP token bucket and a global one behind it (Olla's rule: a per-IP limit of 0
 * turns both off), and a separate per-IP bucket for health checks. Lock-free: each bucket is an immutable state
 * swapped by compare-and-set; idle per-IP buckets are dropped by {@link #cleanUp()} so memory stays bounded.
 */
public final class RateLimiter implements AdmitClient {

    private final Optional<Rate> perIp;
    private final Optional<Rate> global;
    private final Optional<Rate> health;
    private final Duration idleAfter;
    private final LongSupplier nanoTime;
    private final Clock clock;
    private final AtomicReference<TokenBucket> globalBucket;
    private final Map<String, AtomicReference<TokenBucket>> byIp = new ConcurrentHashMap<>();
    private final Map<String, AtomicReference<TokenBucket>> healthByIp = new ConcurrentHashMap<>();
    private final LongAdder refusals = new LongAdder();
    private final Map<String, Boolean> refusedIps = new ConcurrentHashMap<>();

    /**
     * @param perIpPerMinute  0 disables per-IP and global limiting
     * @param idleAfter       per-IP buckets unused this long are forgotten
     */
    public RateLimiter(int globalPerMinute, int perIpPerMinute, int healthPerMinute, int burst, Duration idleAfter,
                       LongSupplier nanoTime, Clock clock) {
        this.perIp = perIpPerMinute > 0 ? Optional.of(new Rate(perIpPerMinute, burst)) : Optional.empty();
        // A shared bucket with one client's burst would let a single client's burst block everyone else: the
        // global bucket holds ten seconds' worth of its rate instead, never less than burst_size.
        this.global = perIpPerMinute > 0 && globalPerMinute > 0
                ? Optional.of(new Rate(globalPerMinute, Math.max(burst, globalPerMinute / 6))) : Optional.empty();
        this.health = healthPerMinute > 0 ? Optional.of(new Rate(healthPerMinute, burst)) : Optional.empty();
        this.idleAfter = idleAfter;
        this.nanoTime = nanoTime;
        this.clock = clock;
        this.globalBucket = new AtomicReference<>(global.map(r -> TokenBucket.full(r, nanoTime.getAsLong())).orElse(null));
    }

    @Override
    public RateDecision admit(String clientIp) {
        if (perIp.isEmpty()) {
            return RateDecision.unlimited();
        }
        long now = nanoTime.getAsLong();
        Rate rate = perIp.get();
        AtomicReference<TokenBucket> bucket = byIp.computeIfAbsent(clientIp,
                ip -> new AtomicReference<>(TokenBucket.full(rate, now)));
        RateDecision own = take(bucket, rate, now);
        if (!own.allowed()) {
            return refused(clientIp, own);
        }
        if (global.isPresent()) {
            RateDecision shared = take(globalBucket, global.get(), now);
            if (!shared.allowed()) {
                return refused(clientIp, new RateDecision(false, own.limit(), own.remaining(), shared.retryAfterSecs(),
                        shared.resetEpochSecs()));
            }
        }
        return own;
    }

    @Override
    public RateDecision admitHealthCheck(String clientIp) {
        if (health.isEmpty()) {
            return RateDecision.unlimited();
        }
        long now = nanoTime.getAsLong();
        AtomicReference<TokenBucket> bucket = healthByIp.computeIfAbsent(clientIp,
                ip -> new AtomicReference<>(TokenBucket.full(health.get(), now)));
        RateDecision decision = take(bucket, health.get(), now);
        return decision.allowed() ? decision : refused(clientIp, decision);
    }

    private RateDecision take(AtomicReference<TokenBucket> bucket, Rate rate, long now) {
        while (true) {
            TokenBucket before = bucket.get();
            TokenBucket refilled = before.refill(rate, now);
            TokenBucket after = refilled.take();
            if (after == null) {
                bucket.compareAndSet(before, refilled);
                long waitNanos = refilled.nanosUntilToken(rate);
                return new RateDecision(false, rate.perMinute(), 0, Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L),
                        resetAt(refilled, rate));
            }
            if (bucket.compareAndSet(before, after)) {
                return new RateDecision(true, rate.perMinute(), (int) Math.floor(after.tokens()), 0, resetAt(after, rate));
            }
        }
    }

    private long resetAt(TokenBucket bucket, Rate rate) {
        double missing = rate.burst() - bucket.tokens();
        long seconds = (long) Math.ceil(missing * 60.0 / rate.perMinute());
        return clock.instant().getEpochSecond() + seconds;
    }

    private RateDecision refused(String clientIp, RateDecision decision) {
        refusals.increment();
        refusedIps.put(clientIp, Boolean.TRUE);
        return decision;
    }

    /** Forgets per-IP buckets idle for longer than the idle period; returns how many were dropped. */
    public int cleanUp() {
        long now = nanoTime.getAsLong();
        long idle = idleAfter.toNanos();
        int before = byIp.size() + healthByIp.size();
        byIp.values().removeIf(b -> now - b.get().lastNanos() > idle);
        healthByIp.values().removeIf(b -> now - b.get().lastNanos() > idle);
        if (byIp.isEmpty()) {
            refusedIps.clear();
        }
        return before - byIp.size() - healthByIp.size();
    }

    @Override
    public long refusals() {
        return refusals.sum();
    }

    @Override
    public int refusedClients() {
        return refusedIps.size();
    }

    /** Buckets held now, for tests of boundedness. */
    public int trackedClients() {
        return byIp.size() + healthByIp.size();
    }
}
