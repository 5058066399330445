package dev.sluice.benchmarks.run;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.HdrHistogram.Histogram;

/**
 * Prints one table per scenario, then the headline ratios: each target against {@code direct} (throughput, added
 * latency) and, where an nginx target ran, each proxy's CPU per request against nginx's.
 */
final class Report {

    private static final String HEADER = String.format("%-14s %-7s %8s %5s | %8s %8s %8s | %8s %8s %8s | %8s %8s |"
                    + " %8s %8s | %8s %7s",
            "target", "level", "req/s", "err", "TTFB p50", "p99", "p99.9", "TTLB p50", "p99", "p99.9", "gap p99",
            "max", "+p50", "+p99", "CPU/req", "RSS MiB");

    private final PrintStream out;

    Report(PrintStream out) {
        this.out = out;
    }

    void table(Scenario scenario, List<Measurement> rows) {
        out.println();
        out.println("== " + scenario.name() + ": " + scenario.description());
        out.println(HEADER);
        out.println("-".repeat(HEADER.length()));
        String level = null;
        for (Measurement row : rows) {
            if (level != null && !level.equals(row.level())) {
                out.println();
            }
            level = row.level();
            Optional<Measurement> direct = find(rows, Target.DIRECT, row.level());
            Histogram mine = headline(scenario, row);
            String addedP50 = direct.isEmpty() || row.target().equals(Target.DIRECT) ? "-"
                    : signed(mine.getValueAtPercentile(50) - headline(scenario, direct.get()).getValueAtPercentile(50));
            String addedP99 = direct.isEmpty() || row.target().equals(Target.DIRECT) ? "-"
                    : signed(mine.getValueAtPercentile(99) - headline(scenario, direct.get()).getValueAtPercentile(99));
            var r = row.result();
            out.println(String.format("%-14s %-7s %8.0f %5d | %8s %8s %8s | %8s %8s %8s | %8s %8s | %8s %8s | %8s %7s",
                    row.target(), row.level(), r.requestsPerSecond(), r.errorCount(),
                    micros(r.ttfb().getValueAtPercentile(50)), micros(r.ttfb().getValueAtPercentile(99)),
                    micros(r.ttfb().getValueAtPercentile(99.9)), micros(r.ttlb().getValueAtPercentile(50)),
                    micros(r.ttlb().getValueAtPercentile(99)), micros(r.ttlb().getValueAtPercentile(99.9)),
                    micros(r.maxGap().getValueAtPercentile(99)), micros(r.maxGap().getMaxValue()), addedP50, addedP99,
                    cpu(row.cpuMicrosPerRequest()),
                    row.rssPeakKib().isPresent() ? String.format("%.0f", row.rssPeakKib().getAsLong() / 1024.0) : "-"));
            if (!r.errors().isEmpty()) {
                out.println("    errors: " + r.errors());
            }
        }
        headlines(scenario, rows);
    }

    private void headlines(Scenario scenario, List<Measurement> rows) {
        out.println("  headline (" + (scenario.headlineIsFirstByte() ? "first byte" : "whole exchange") + "):");
        for (Measurement row : rows) {
            if (row.target().equals(Target.DIRECT)) {
                continue;
            }
            StringBuilder line = new StringBuilder(String.format("    %-7s %-14s", row.level(), row.target()));
            find(rows, Target.DIRECT, row.level()).ifPresent(direct -> line.append(String.format(
                    " %5.2fx direct req/s, +%s p50, +%s p99 latency, worst gap %s vs %s direct;",
                    row.result().requestsPerSecond() / Math.max(1e-9, direct.result().requestsPerSecond()),
                    micros(Math.max(0, headline(scenario, row).getValueAtPercentile(50)
                            - headline(scenario, direct).getValueAtPercentile(50))),
                    micros(Math.max(0, headline(scenario, row).getValueAtPercentile(99)
                            - headline(scenario, direct).getValueAtPercentile(99))),
                    micros(row.result().maxGap().getMaxValue()), micros(direct.result().maxGap().getMaxValue()))));
            Optional<Measurement> nginx = find(rows, "nginx", row.level());
            OptionalDouble mine = row.cpuMicrosPerRequest();
            if (!row.target().equals("nginx") && nginx.isPresent() && mine.isPresent()
                    && nginx.get().cpuMicrosPerRequest().isPresent()) {
                line.append(String.format(" CPU/req %.2fx nginx", mine.getAsDouble()
                        / Math.max(1e-9, nginx.get().cpuMicrosPerRequest().getAsDouble())));
            }
            out.println(line);
        }
    }

    void memory(Map<String, String> lines) {
        out.println();
        out.println("== memory and start-up (RSS from /proc, heap = used after a full GC via jcmd)");
        lines.forEach((target, text) -> out.println(String.format("  %-14s %s", target, text)));
    }

    private static Histogram headline(Scenario scenario, Measurement row) {
        return scenario.headlineIsFirstByte() ? row.result().ttfb() : row.result().ttlb();
    }

    private static Optional<Measurement> find(List<Measurement> rows, String target, String level) {
        return rows.stream().filter(r -> r.target().equals(target) && r.level().equals(level)).findFirst();
    }

    static String micros(long micros) {
        if (micros < 10_000) {
            return micros + "µs";
        }
        if (micros < 10_000_000) {
            return String.format("%.1fms", micros / 1000.0);
        }
        return String.format("%.1fs", micros / 1e6);
    }

    static String signed(long micros) {
        return (micros < 0 ? "-" : "+") + micros(Math.abs(micros));
    }

    private static String cpu(OptionalDouble micros) {
        return micros.isPresent() ? String.format("%.1fµs", micros.getAsDouble()) : "-";
    }
}
