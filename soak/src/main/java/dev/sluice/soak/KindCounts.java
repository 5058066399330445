package dev.sluice.soak;

/**
 * Requests of one kind, at the end of a run.
 *
 * @param sent      requests begun
 * @param succeeded complete, correct 2xx answers
 * @param failed    everything else
 */
record KindCounts(long sent, long succeeded, long failed) {

    static final KindCounts NONE = new KindCounts(0, 0, 0);

    KindCounts plus(KindCounts other) {
        return new KindCounts(sent + other.sent, succeeded + other.succeeded, failed + other.failed);
    }
}
