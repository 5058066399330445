package dev.sluice.simulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What hit the backend. Counts are exact forever; the detailed records keep only the most recent ones, because
 * a simulator left running from the CLI is probed every few seconds for as long as the user likes.
 */
final class RequestLog {

    private static final int MAX_RECORDS = 10_000;

    private final Map<String, LongAdder> countsByPath = new ConcurrentHashMap<>();
    private final Deque<RecordedRequest> recent = new ArrayDeque<>();

    void record(RecordedRequest request) {
        countsByPath.computeIfAbsent(request.path(), path -> new LongAdder()).increment();
        synchronized (recent) {
            if (recent.size() == MAX_RECORDS) {
                recent.removeFirst();
            }
            recent.addLast(request);
        }
    }

    long count(String path) {
        LongAdder count = countsByPath.get(path);
        return count == null ? 0 : count.sum();
    }

    List<RecordedRequest> snapshot() {
        synchronized (recent) {
            return List.copyOf(recent);
        }
    }
}
