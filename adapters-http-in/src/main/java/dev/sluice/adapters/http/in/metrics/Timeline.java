package dev.sluice.adapters.http.in.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Requests, errors and time to first byte per few seconds over the last minutes, for the dashboard's charts.
 * A ring of slots, each claimed by CAS when its time comes round; a request racing the claim may be counted in
 * the slot's previous period, which a chart cannot show.
 */
final class Timeline {

    static final long SLOT_MILLIS = 5_000;
    static final int SLOTS = 72;

    private final Slot[] slots = new Slot[SLOTS];

    Timeline() {
        for (int i = 0; i < SLOTS; i++) {
            slots[i] = new Slot();
        }
    }

    void record(long nowMillis, boolean failed, long firstByteMillis) {
        Slot slot = current(nowMillis);
        slot.requests.increment();
        if (failed) {
            slot.errors.increment();
        }
        if (firstByteMillis >= 0) {
            slot.firstByteMillis.add(firstByteMillis);
            slot.firstByteSamples.increment();
        }
    }

    private Slot current(long nowMillis) {
        long period = nowMillis / SLOT_MILLIS;
        Slot slot = slots[(int) (period % SLOTS)];
        long seen = slot.period.get();
        if (seen != period && slot.period.compareAndSet(seen, period)) {
            slot.requests.reset();
            slot.errors.reset();
            slot.firstByteMillis.reset();
            slot.firstByteSamples.reset();
        }
        return slot;
    }

    /** Oldest first, one point per slot up to now, empty slots as zeros. */
    List<Point> points(long nowMillis) {
        long now = nowMillis / SLOT_MILLIS;
        List<Point> points = new ArrayList<>(SLOTS);
        for (long period = now - SLOTS + 1; period <= now; period++) {
            Slot slot = slots[(int) (Math.floorMod(period, (long) SLOTS))];
            if (slot.period.get() != period) {
                points.add(new Point(period * SLOT_MILLIS, 0, 0, 0));
                continue;
            }
            long samples = slot.firstByteSamples.sum();
            points.add(new Point(period * SLOT_MILLIS, slot.requests.sum(), slot.errors.sum(),
                    samples == 0 ? 0 : (double) slot.firstByteMillis.sum() / samples));
        }
        return points;
    }

    /** One slot: its start (epoch ms), request and error counts, and mean time to first byte in ms. */
    record Point(long startMillis, long requests, long errors, double meanFirstByteMillis) {
    }

    private static final class Slot {
        final AtomicLong period = new AtomicLong(-1);
        final LongAdder requests = new LongAdder();
        final LongAdder errors = new LongAdder();
        final LongAdder firstByteMillis = new LongAdder();
        final LongAdder firstByteSamples = new LongAdder();
    }
}
