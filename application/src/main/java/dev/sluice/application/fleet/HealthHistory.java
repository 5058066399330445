package dev.sluice.application.fleet;

import dev.sluice.domain.endpoint.HealthChange;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One endpoint's recent status changes, newest last, bounded. Status changes are rare (a probe interval apart at
 * most), so each one copies the short list and swaps it in whole; readers see a consistent list without locks.
 */
final class HealthHistory {

    /** Enough to see flapping over an afternoon of 5-minute probes, small enough to copy on every change. */
    static final int KEEP = 50;

    private record Recent(List<HealthChange> changes, long total) {
    }

    private final AtomicReference<Recent> recent = new AtomicReference<>(new Recent(List.of(), 0));

    void add(HealthChange change) {
        recent.updateAndGet(r -> {
            List<HealthChange> next = new ArrayList<>(r.changes().size() + 1);
            next.addAll(r.changes().size() >= KEEP ? r.changes().subList(r.changes().size() - KEEP + 1,
                    r.changes().size()) : r.changes());
            next.add(change);
            return new Recent(List.copyOf(next), r.total() + 1);
        });
    }

    List<HealthChange> changes() {
        return recent.get().changes();
    }

    long total() {
        return recent.get().total();
    }
}
