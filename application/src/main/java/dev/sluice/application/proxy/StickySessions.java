package dev.sluice.application.proxy;

import dev.sluice.application.fleet.Transition;
import dev.sluice.application.port.in.ReportStickySessions;
import dev.sluice.domain.endpoint.Endpoint;
import dev.sluice.domain.routing.StickyKey;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * Pins conversations to endpoints ({@code proxy.sticky_sessions}). Lock-free: a concurrent map of pins with a
 * sliding idle TTL; past {@code max_sessions} the least recently used of a small sample is evicted (the sampled LRU
 * Redis uses), which keeps inserts O(1) instead of scanning every pin.
 */
public final class StickySessions implements ReportStickySessions {

    private static final int EVICTION_SAMPLE = 16;

    private record Pin(String endpointId, long lastUsedNanos) {
    }

    private final boolean enabled;
    private final int maxSessions;
    private final long idleTtlNanos;
    private final LongSupplier nanoTime;
    private final Map<String, Pin> pins = new ConcurrentHashMap<>();
    private final LongAdder insertions = new LongAdder();
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder evictions = new LongAdder();

    /**
     * @param idleTtl  a pin unused this long is forgotten; zero keeps pins until evicted
     * @param nanoTime monotonic clock (System::nanoTime outside tests)
     */
    public StickySessions(boolean enabled, int maxSessions, Duration idleTtl, LongSupplier nanoTime) {
        this.enabled = enabled;
        this.maxSessions = Math.max(1, maxSessions);
        this.idleTtlNanos = idleTtl.toNanos();
        this.nanoTime = nanoTime;
    }

    @Override
    public boolean enabled() {
        return enabled;
    }

    /** The endpoint this key is pinned to, if the pin is alive; refreshes its TTL. */
    Optional<String> pinned(StickyKey key) {
        long now = nanoTime.getAsLong();
        Pin pin = pins.get(mapKey(key));
        if (pin == null || expired(pin, now)) {
            if (pin != null) {
                pins.remove(mapKey(key), pin);
            }
            misses.increment();
            return Optional.empty();
        }
        pins.replace(mapKey(key), pin, new Pin(pin.endpointId(), now));
        hits.increment();
        return Optional.of(pin.endpointId());
    }

    /** Pins the key to the endpoint (new pin or repin). */
    void pin(StickyKey key, Endpoint endpoint) {
        if (pins.put(mapKey(key), new Pin(endpoint.id(), nanoTime.getAsLong())) == null) {
            insertions.increment();
            evictIfFull();
        }
    }

    /** An endpoint that stopped being routable loses its pins, so its conversations move at once. */
    public void onTransition(Transition transition) {
        if (enabled && transition.before().routable() && !transition.after().routable()) {
            String id = transition.endpoint().id();
            pins.values().removeIf(pin -> pin.endpointId().equals(id));
        }
    }

    private void evictIfFull() {
        while (pins.size() > maxSessions) {
            String oldestKey = null;
            long oldest = Long.MAX_VALUE;
            int sampled = 0;
            for (Iterator<Map.Entry<String, Pin>> it = pins.entrySet().iterator(); it.hasNext() && sampled < EVICTION_SAMPLE;
                 sampled++) {
                Map.Entry<String, Pin> entry = it.next();
                if (entry.getValue().lastUsedNanos() < oldest) {
                    oldest = entry.getValue().lastUsedNanos();
                    oldestKey = entry.getKey();
                }
            }
            if (oldestKey == null || pins.remove(oldestKey) != null) {
                evictions.increment();
            }
        }
    }

    private boolean expired(Pin pin, long now) {
        return idleTtlNanos > 0 && now - pin.lastUsedNanos() > idleTtlNanos;
    }

    private static String mapKey(StickyKey key) {
        return key.source() + "|" + key.key();
    }

    @Override
    public Stats stats() {
        return new Stats(pins.size(), insertions.sum(), hits.sum(), misses.sum(), evictions.sum(), maxSessions,
                idleTtlNanos / 1_000_000_000L);
    }
}
