package dev.sluice.benchmarks;

import dev.sluice.benchmarks.mock.MockBackendMain;
import dev.sluice.benchmarks.run.BenchmarkRun;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code java -jar benchmarks.jar [run|mock|load|jmh] ...}: the side-by-side run (default), the mock backend or the load
 * generator alone, or the
 * JMH microbenchmarks of the hot path (with {@code -prof gc} unless other options are given).
 */
public final class BenchmarksMain {

    private BenchmarksMain() {
    }

    public static void main(String[] args) throws Exception {
        String command = args.length > 0 && !args[0].startsWith("-") ? args[0] : "run";
        String[] rest = args.length > 0 && !args[0].startsWith("-") ? Arrays.copyOfRange(args, 1, args.length) : args;
        switch (command) {
            case "mock" -> MockBackendMain.main(rest);
            case "load" -> dev.sluice.benchmarks.load.LoadMain.main(rest);
            case "jmh" -> {
                List<String> jmh = new ArrayList<>(Arrays.asList(rest));
                if (jmh.isEmpty()) {
                    // One fork, short iterations: minutes, not the hour of JMH's defaults; ns/op and B/op per op.
                    jmh.addAll(List.of("-f", "1", "-wi", "3", "-w", "1s", "-i", "5", "-r", "1s", "-prof", "gc"));
                }
                org.openjdk.jmh.Main.main(jmh.toArray(String[]::new));
            }
            case "run" -> {
                int code = BenchmarkRun.main(rest, System.out, System.err);
                System.exit(code);
            }
            default -> {
                System.err.println("benchmarks: unknown command '" + command + "' (run, mock, load or jmh)");
                System.exit(2);
            }
        }
    }
}
