package dev.sluice.application.port.in;

/** Reads sticky-session figures for {@code /internal/stats/sticky}. Lock-free. */
public interface ReportStickySessions {

    /** Figures at one moment. */
    record Stats(long activeSessions, long insertions, long hits, long misses, long evictions, int maxSessions,
                 long idleTtlSeconds) {
    }

    boolean enabled();

    Stats stats();
}
