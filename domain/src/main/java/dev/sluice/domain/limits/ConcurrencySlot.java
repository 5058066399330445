package dev.sluice.domain.limits;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many requests one endpoint may serve at once, and how many it is serving. Acquire and release are a CAS loop
 * and a decrement: no lock on the request path. A limit of 0 means unlimited and still counts.
 */
public final class ConcurrencySlot {

    private final int limit;
    private final AtomicInteger inFlight = new AtomicInteger();

    public ConcurrencySlot(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be >= 0: " + limit);
        }
        this.limit = limit;
    }

    public int limit() {
        return limit;
    }

    public int inFlight() {
        return inFlight.get();
    }

    public boolean hasRoom() {
        return limit == 0 || inFlight.get() < limit;
    }

    /** Takes one place; false when the endpoint is at its limit. */
    public boolean tryAcquire() {
        while (true) {
            int now = inFlight.get();
            if (limit != 0 && now >= limit) {
                return false;
            }
            if (inFlight.compareAndSet(now, now + 1)) {
                return true;
            }
        }
    }

    /** Gives back a place taken by {@link #tryAcquire}; exactly once per successful acquire. */
    public void release() {
        if (inFlight.decrementAndGet() < 0) {
            inFlight.incrementAndGet();
            throw new IllegalStateException("released more places than were taken");
        }
    }
}
