package dev.sluice.soak;

import static java.util.Objects.requireNonNull;

import java.util.OptionalLong;

/**
 * The proxy process's size at one moment, read from outside. Each figure may be missing where the platform
 * cannot tell (no {@code /proc}, no {@code jcmd}).
 *
 * @param rssKib          resident set size
 * @param threads         live threads of the process
 * @param heapUsedKib     heap in use right after a full GC (the live set), summed over generations
 * @param heapCommittedKib heap the JVM has reserved from the OS
 */
record Footprint(OptionalLong rssKib, OptionalLong threads, OptionalLong heapUsedKib, OptionalLong heapCommittedKib) {

    static final Footprint UNKNOWN = new Footprint(OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(),
            OptionalLong.empty());

    Footprint {
        requireNonNull(rssKib, "rssKib");
        requireNonNull(threads, "threads");
        requireNonNull(heapUsedKib, "heapUsedKib");
        requireNonNull(heapCommittedKib, "heapCommittedKib");
    }
}
