package dev.sluice.soak;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the workers saw: counts per kind, answers per endpoint, and every failure in full. Failures are kept whole
 * because they are classified only after the run, once every kill is known. Past {@link #MAX_KEPT} failures only
 * counts are kept: a kill excuses at most one failure per worker, so a run with that many has regressions anyway,
 * and a proxy answering 503 to everything for ten minutes must not exhaust the soak's memory. Thread-safe.
 */
final class Tally {

    static final int MAX_KEPT = 200_000;

    private final Map<TrafficKind, LongAdder> sent = new EnumMap<>(TrafficKind.class);
    private final Map<TrafficKind, LongAdder> succeeded = new EnumMap<>(TrafficKind.class);
    private final Map<String, LongAdder> servedBy = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Failure> failures = new ConcurrentLinkedQueue<>();
    private final AtomicInteger kept = new AtomicInteger();
    private final Map<TrafficKind, LongAdder> unkeptByKind = new EnumMap<>(TrafficKind.class);
    private final Map<String, LongAdder> unkeptByRow = new ConcurrentHashMap<>();

    Tally() {
        // Filled once here and only read afterwards, so the EnumMaps themselves need no locking.
        for (TrafficKind kind : TrafficKind.values()) {
            sent.put(kind, new LongAdder());
            succeeded.put(kind, new LongAdder());
            unkeptByKind.put(kind, new LongAdder());
        }
    }

    void sent(TrafficKind kind) {
        sent.get(kind).increment();
    }

    void succeeded(TrafficKind kind, String endpoint) {
        succeeded.get(kind).increment();
        servedBy.computeIfAbsent(endpoint.isEmpty() ? "(proxy)" : endpoint, name -> new LongAdder()).increment();
    }

    void failed(Failure failure) {
        if (kept.incrementAndGet() <= MAX_KEPT) {
            failures.add(failure);
        } else {
            unkeptByKind.get(failure.traffic()).increment();
            unkeptByRow.computeIfAbsent(failure.problem().row(), row -> new LongAdder()).increment();
        }
    }

    Map<TrafficKind, KindCounts> counts() {
        Map<TrafficKind, Long> failedByKind = new EnumMap<>(TrafficKind.class);
        failures.forEach(f -> failedByKind.merge(f.traffic(), 1L, Long::sum));
        unkeptByKind.forEach((kind, n) -> failedByKind.merge(kind, n.sum(), Long::sum));
        Map<TrafficKind, KindCounts> counts = new EnumMap<>(TrafficKind.class);
        for (TrafficKind kind : TrafficKind.values()) {
            counts.put(kind, new KindCounts(sent.get(kind).sum(), succeeded.get(kind).sum(),
                    failedByKind.getOrDefault(kind, 0L)));
        }
        return counts;
    }

    /** Successful answers by {@code X-Olla-Endpoint}; model lists the proxy answers itself show as "(proxy)". */
    Map<String, Long> servedBy() {
        Map<String, Long> copy = new TreeMap<>();
        servedBy.forEach((name, count) -> copy.put(name, count.sum()));
        return copy;
    }

    /** Failures past {@link #MAX_KEPT}, by summary row. */
    Map<String, Long> unkept() {
        Map<String, Long> copy = new TreeMap<>();
        unkeptByRow.forEach((row, count) -> copy.put(row, count.sum()));
        return copy;
    }

    List<Failure> failures() {
        return new ArrayList<>(failures);
    }
}
