package dev.sluice.application.limits;

import dev.sluice.domain.endpoint.Endpoint;
import dev.sluice.domain.limits.Rate;
import dev.sluice.domain.limits.TokenBucket;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

/**
 * {@code server.rate_limits.per_endpoint.default_requests_per_minute} (Olla ships the key and ignores it): at most
 * that many requests a minute go to any one endpoint; an endpoint at its limit is skipped like a busy one, so the
 * others take the excess. Lock-free token buckets, one per endpoint.
 */
public final class EndpointRateLimits {

    private final Optional<Rate> rate;
    private final LongSupplier nanoTime;
    private final Map<String, AtomicReference<TokenBucket>> buckets;

    /** @param perMinute 0 means no per-endpoint limit */
    public EndpointRateLimits(List<Endpoint> endpoints, int perMinute, int burst, LongSupplier nanoTime) {
        this.rate = perMinute > 0 ? Optional.of(new Rate(perMinute, burst)) : Optional.empty();
        this.nanoTime = nanoTime;
        long now = nanoTime.getAsLong();
        this.buckets = rate.isEmpty() ? Map.of() : endpoints.stream().collect(Collectors.toUnmodifiableMap(Endpoint::id,
                e -> new AtomicReference<>(TokenBucket.full(rate.get(), now)), (a, b) -> a));
    }

    public static EndpointRateLimits none() {
        return new EndpointRateLimits(List.of(), 0, 1, System::nanoTime);
    }

    /** Whether the endpoint has a request left, without using it. */
    public boolean mayTake(Endpoint endpoint) {
        AtomicReference<TokenBucket> bucket = buckets.get(endpoint.id());
        return bucket == null || bucket.get().refill(rate.get(), nanoTime.getAsLong()).tokens() >= 1;
    }

    /** Uses one of the endpoint's requests; false when it has none left. */
    public boolean take(Endpoint endpoint) {
        AtomicReference<TokenBucket> bucket = buckets.get(endpoint.id());
        if (bucket == null) {
            return true;
        }
        while (true) {
            TokenBucket before = bucket.get();
            TokenBucket after = before.refill(rate.get(), nanoTime.getAsLong()).take();
            if (after == null) {
                return false;
            }
            if (bucket.compareAndSet(before, after)) {
                return true;
            }
        }
    }
}
