package dev.sluice.soak;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Names every request and knows which are outstanding. Ids carry a sequence number, so a kill can tell the
 * requests that were already running when it began from those sent after, without keeping every id ever sent.
 * Thread-safe: workers begin and end requests while the kill thread takes snapshots.
 */
final class InFlight {

    private static final String PREFIX = "soak-";

    private final AtomicLong sequence = new AtomicLong();
    private final Set<String> outstanding = ConcurrentHashMap.newKeySet();

    /** A fresh id, counted as outstanding until {@link #end}. */
    String begin() {
        String id = PREFIX + sequence.incrementAndGet();
        outstanding.add(id);
        return id;
    }

    void end(String id) {
        outstanding.remove(id);
    }

    /** The sequence number the next {@link #begin} will exceed: ids above it were sent after this call. */
    long watermark() {
        return sequence.get();
    }

    Set<String> outstanding() {
        return Set.copyOf(outstanding);
    }

    /**
     * Whether a request could have been alive at a kill: outstanding when it began, or sent after its watermark.
     * Ids that are not the soak's (health probes carry none) never qualify.
     */
    static boolean liveAt(String id, Set<String> outstandingAtKill, long watermarkAtKill) {
        if (outstandingAtKill.contains(id)) {
            return true;
        }
        if (id == null || !id.startsWith(PREFIX)) {
            return false;
        }
        try {
            return Long.parseLong(id.substring(PREFIX.length())) > watermarkAtKill;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
