package dev.sluice.application.limits;

import dev.sluice.domain.endpoint.Endpoint;
import dev.sluice.domain.limits.ConcurrencySlot;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Each endpoint's concurrency limit: the endpoint's own {@code max_concurrent_requests} when set, else its
 * profile's {@code characteristics.max_concurrent_requests} (which Olla parses and ignores); 0 is unlimited. An
 * endpoint at its limit is skipped like a busy one; when every candidate is full the request waits in the
 * {@link WaitingRoom}, which hears of each freed place through {@link #onRelease}.
 */
public final class EndpointConcurrency {

    private final Map<String, ConcurrencySlot> slots;
    private volatile Runnable onRelease = () -> { };

    /** @param limitOf the limit for an endpoint; 0 for none */
    public EndpointConcurrency(List<Endpoint> endpoints, Function<Endpoint, Integer> limitOf) {
        this.slots = endpoints.stream().collect(Collectors.toUnmodifiableMap(Endpoint::id,
                e -> new ConcurrencySlot(limitOf.apply(e)), (a, b) -> a));
    }

    /** Profile limits, with per-endpoint overrides by endpoint id. */
    public static EndpointConcurrency of(List<Endpoint> endpoints, Map<String, Integer> overrides) {
        return new EndpointConcurrency(endpoints, e -> overrides.getOrDefault(e.id(),
                e.profile().characteristics().maxConcurrentRequests()));
    }

    public static EndpointConcurrency unlimited(List<Endpoint> endpoints) {
        return new EndpointConcurrency(endpoints, e -> 0);
    }

    /** Called after every release, on the releasing thread; the waiting room drains from here. */
    public void onRelease(Runnable listener) {
        this.onRelease = listener;
    }

    public boolean hasRoom(Endpoint endpoint) {
        ConcurrencySlot slot = slots.get(endpoint.id());
        return slot == null || slot.hasRoom();
    }

    public boolean tryAcquire(Endpoint endpoint) {
        ConcurrencySlot slot = slots.get(endpoint.id());
        return slot == null || slot.tryAcquire();
    }

    public void release(Endpoint endpoint) {
        ConcurrencySlot slot = slots.get(endpoint.id());
        if (slot != null) {
            slot.release();
            onRelease.run();
        }
    }

    /** The endpoint's limit, 0 for none. */
    public int limit(Endpoint endpoint) {
        ConcurrencySlot slot = slots.get(endpoint.id());
        return slot == null ? 0 : slot.limit();
    }
}
