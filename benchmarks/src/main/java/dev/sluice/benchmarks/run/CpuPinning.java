package dev.sluice.benchmarks.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Which CPUs each process may use: the system under test (proxy, nginx) gets the last CPU to itself, the mock
 * backend and this load generator share the others. Uses {@code taskset} where it exists; without it (or with one
 * CPU) nothing is pinned and the report says so.
 */
final class CpuPinning {

    private final boolean enabled;
    private final int cpus;

    private CpuPinning(boolean enabled, int cpus) {
        this.enabled = enabled;
        this.cpus = cpus;
    }

    static CpuPinning detect(boolean wanted) {
        int cpus = Runtime.getRuntime().availableProcessors();
        boolean taskset = Files.isExecutable(Path.of("/usr/bin/taskset")) || Files.isExecutable(Path.of("/bin/taskset"));
        return new CpuPinning(wanted && taskset && cpus > 1, cpus);
    }

    int cpus() {
        return cpus;
    }

    boolean enabled() {
        return enabled;
    }

    String describe() {
        return enabled ? "system under test on CPU " + (cpus - 1) + ", mock and load generator on CPU " + others()
                : "not pinned (" + cpus + " CPU(s)" + (cpus > 1 ? ", taskset missing or --no-pin" : "") + ")";
    }

    /** The command prefix that runs a system under test on its own CPU. */
    List<String> forSystemUnderTest() {
        return enabled ? List.of("taskset", "-c", Integer.toString(cpus - 1)) : List.of();
    }

    /** The command prefix for the mock backend. */
    List<String> forLoadSide() {
        return enabled ? List.of("taskset", "-c", others()) : List.of();
    }

    /** Moves every thread of this JVM (the load generator) off the system under test's CPU. */
    void pinSelf() {
        if (!enabled) {
            return;
        }
        List<String> command = new ArrayList<>(List.of("taskset", "-a", "-p", "-c", others(),
                Long.toString(ProcessHandle.current().pid())));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            // Left unpinned; the figures are still comparable between targets.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String others() {
        return cpus == 2 ? "0" : "0-" + (cpus - 2);
    }
}
