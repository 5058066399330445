package dev.sluice.benchmarks.run;

import dev.sluice.benchmarks.load.LoadResult;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * One row of a table: a target at one load level.
 *
 * @param cpuNanos  CPU the target's processes used during the measured run (empty for direct or unknown pids)
 * @param rssPeakKib highest resident set sampled during the run
 */
record Measurement(String target, String level, LoadResult result, OptionalLong cpuNanos, OptionalLong rssPeakKib) {

    /** CPU time per completed request, in microseconds. */
    OptionalDouble cpuMicrosPerRequest() {
        long requests = result.ok() + result.errorCount();
        if (cpuNanos.isEmpty() || requests == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(cpuNanos.getAsLong() / 1000.0 / requests);
    }
}
