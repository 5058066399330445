package dev.sluice.benchmarks.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.OptionalLong;

/**
 * A process's CPU time and resident memory from Linux's {@code /proc}: {@code utime + stime} of
 * {@code /proc/<pid>/stat} (every thread of the process, in clock ticks) and {@code VmRSS} of
 * {@code /proc/<pid>/status}. Empty where there is no {@code /proc}.
 */
final class ProcStat {

    /** Linux has reported USER_HZ = 100 to user space on every mainstream architecture for decades. */
    private static final long TICKS_PER_SECOND = 100;

    private ProcStat() {
    }

    /** CPU time used so far by these processes together, in nanoseconds. */
    static OptionalLong cpuNanos(Collection<Long> pids) {
        long ticks = 0;
        for (long pid : pids) {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
                // The command name (field 2) may hold spaces and parentheses: count fields after its closing one.
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            } catch (IOException | RuntimeException e) {
                return OptionalLong.empty();
            }
        }
        return OptionalLong.of(ticks * 1_000_000_000L / TICKS_PER_SECOND);
    }

    /** Resident set size of these processes together, in KiB. */
    static OptionalLong rssKib(Collection<Long> pids) {
        return statusField(pids, "VmRSS:");
    }

    /** Threads of these processes together. */
    static OptionalLong threads(Collection<Long> pids) {
        return statusField(pids, "Threads:");
    }

    private static OptionalLong statusField(Collection<Long> pids, String field) {
        long total = 0;
        for (long pid : pids) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                    if (line.startsWith(field)) {
                        total += Long.parseLong(line.replaceAll("[^0-9]", ""));
                    }
                }
            } catch (IOException | RuntimeException e) {
                return OptionalLong.empty();
            }
        }
        return OptionalLong.of(total);
    }
}
