package dev.sluice.soak;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Renders a {@link SoakReport} as the plain-text summary the soak prints: one screen, aligned columns. */
final class SummaryTable {

    /** Distinct failure messages shown in full; the rest are counted. */
    private static final int MAX_REGRESSION_LINES = 15;
    private static final int MAX_EXCUSED_LINES = 5;
    private static final int MAX_LOG_LINES = 10;

    private static final DateTimeFormatter WALL = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private final SoakReport report;
    private final StringBuilder out = new StringBuilder();

    private SummaryTable(SoakReport report) {
        this.report = report;
    }

    static String render(SoakReport report) {
        return new SummaryTable(report).all();
    }

    private String all() {
        header();
        requests();
        failures();
        kills();
        footprint();
        afterTraffic();
        failureDetails();
        line("");
        line("RESULT: " + (report.passed() ? "PASS" : "FAIL") + " - " + verdict());
        return out.toString();
    }

    private void header() {
        SoakArgs a = report.args();
        line("");
        line("=== Sluice soak summary ===");
        line("run       %s of traffic (%s warm-up + %s with kills%s), %d workers, %s; kill every %s, down %s",
                secs(report.trafficTime().toMillis()), secs(a.warmup().toMillis()), secs(a.duration().toMillis()),
                report.stoppedEarly() ? ", STOPPED EARLY" : "", a.concurrency(), a.balancer(),
                secs(a.killEvery().toMillis()), secs(a.restartAfter().toMillis()));
        line("proxy     pid %d, log %s", report.proxyPid(), report.proxyLogPath());
    }

    private void requests() {
        line("");
        line("%-22s %10s %10s %10s", "requests", "sent", "succeeded", "failed");
        report.counts().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e ->
                line("  %-20s %10d %10d %10d", e.getKey().label(), e.getValue().sent(), e.getValue().succeeded(),
                        e.getValue().failed()));
        KindCounts total = report.total();
        line("  %-20s %10d %10d %10d", "total", total.sent(), total.succeeded(), total.failed());
        line("  answers by endpoint: %s", report.servedBy().entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
    }

    private void failures() {
        Map<String, Long> excused = byRow(report.classification().inFlightOnKilled());
        Map<String, Long> regressions = byRow(report.classification().regressions());
        line("");
        line("%-22s %10s %20s %12s", "failures by kind", "total", "in flight on killed", "regressions");
        report.unkept().forEach((row, n) -> regressions.merge(row, n, Long::sum));
        TreeMap<String, Long> rows = new TreeMap<>(excused);
        regressions.forEach((row, n) -> rows.merge(row, n, Long::sum));
        if (rows.isEmpty()) {
            line("  (none)");
        }
        rows.forEach((row, n) -> line("  %-20s %10d %20d %12d", row, n, excused.getOrDefault(row, 0L),
                regressions.getOrDefault(row, 0L)));
    }

    private void kills() {
        line("");
        line("kills     %d, restarts %d", report.kills().size(), report.restarts());
        List<Failure> excused = report.classification().inFlightOnKilled();
        for (KillWindow kill : report.kills()) {
            long failed = excused.stream().filter(kill::explains).count();
            line("  %s %-14s %3d requests in flight on it, %3d of them failed", at(kill.stoppingAtNanos()),
                    kill.backend(),
                    kill.requestIds().size(), failed);
        }
    }

    private void footprint() {
        Footprint before = report.baseline();
        Footprint after = report.end();
        line("");
        line("%-22s %14s %14s %12s", "proxy footprint", "after warm-up", "at end", "change");
        kib("RSS", before.rssKib(), after.rssKib());
        kib("heap used after GC", before.heapUsedKib(), after.heapUsedKib());
        kib("heap committed", before.heapCommittedKib(), after.heapCommittedKib());
        count("threads", before.threads(), after.threads());
    }

    private void afterTraffic() {
        List<EndpointState> endpoints = report.afterTraffic();
        line("");
        line("after traffic");
        line("  leases      %s", report.leasesReleased() ? "all released (0 active connections everywhere)"
                : "NOT released: " + endpoints.stream().map(e -> e.name() + " " + e.activeConnections())
                .collect(Collectors.joining(", ")));
        line("  endpoints   %d/%d healthy (%s)", endpoints.stream().filter(EndpointState::healthy).count(),
                endpoints.size(), endpoints.stream().map(e -> e.name() + " " + e.status())
                        .collect(Collectors.joining(", ")));
        ProxyLog log = report.proxyLog();
        line("  proxy log   %d WARN, %d ERROR lines", log.warnings(), log.errors());
        log.distinct().entrySet().stream().limit(MAX_LOG_LINES)
                .forEach(e -> line("    %5dx %s", e.getValue(), clip(e.getKey(), 160)));
        if (log.distinct().size() > MAX_LOG_LINES) {
            line("    ... %d more distinct lines", log.distinct().size() - MAX_LOG_LINES);
        }
    }

    private void failureDetails() {
        List<Failure> excused = report.classification().inFlightOnKilled();
        if (!excused.isEmpty()) {
            line("");
            line("in flight on a killed backend (allowed): %d, by message (numbers and ids as #)", excused.size());
            grouped(excused, MAX_EXCUSED_LINES);
        }
        List<Failure> regressions = report.classification().regressions();
        if (!regressions.isEmpty()) {
            line("");
            line("REGRESSIONS: %d requests failed that had a healthy candidate, by message (numbers and ids as #)",
                    regressions.size());
            grouped(regressions, MAX_REGRESSION_LINES);
        }
        if (!report.unkept().isEmpty()) {
            line("  ... and %d more failures past the first %d, counted but not kept: %s", report.unkept().values()
                    .stream().mapToLong(Long::longValue).sum(), Tally.MAX_KEPT, report.unkept());
        }
    }

    private void grouped(List<Failure> failures, int limit) {
        Map<String, List<Failure>> grouped = failures.stream().collect(Collectors.groupingBy(
                f -> f.traffic().label() + ": " + f.problem().row() + ": " + clip(blur(f.problem().detail()), 160),
                LinkedHashMap::new, Collectors.toList()));
        grouped.entrySet().stream().limit(limit).forEach(e -> {
            List<Failure> group = e.getValue();
            Failure first = group.get(0);
            long from = group.stream().mapToLong(Failure::startNanos).min().orElse(first.startNanos());
            long to = group.stream().mapToLong(Failure::endNanos).max().orElse(first.endNanos());
            line("  %5dx %s", group.size(), e.getKey());
            line("         sent from %s, last failed %s; e.g. %s via %s", at(from), at(to), first.requestId(),
                    first.endpoint().isEmpty() ? "no endpoint" : first.endpoint());
            if (!first.problem().detail().equals(blur(first.problem().detail()))) {
                line("         exactly: %s", first.problem().detail());
            }
        });
        if (grouped.size() > limit) {
            line("  ... %d more distinct messages", grouped.size() - limit);
        }
    }

    /** Digits and hex object ids (Jetty's connection dumps) become #, so one error reads as one group. */
    static String blur(String detail) {
        return detail.replaceAll("\\b[0-9a-f]*\\d[0-9a-f]*\\b", "#").replaceAll("\\d+", "#");
    }

    private String verdict() {
        List<String> reasons = new ArrayList<>();
        long regressions = report.regressionCount();
        if (regressions > 0) {
            reasons.add(regressions + " request(s) failed that had a healthy candidate");
        }
        if (!report.leasesReleased()) {
            reasons.add("leases not released after traffic stopped");
        }
        if (!report.recovered()) {
            reasons.add("not every endpoint healthy again after its restart");
        }
        if (reasons.isEmpty()) {
            return "no request with a healthy candidate failed ("
                    + report.classification().inFlightOnKilled().size()
                    + " failure(s), all in flight on a backend as it was killed)";
        }
        return String.join("; ", reasons);
    }

    private static Map<String, Long> byRow(List<Failure> failures) {
        return failures.stream().collect(Collectors.groupingBy(f -> f.problem().row(), TreeMap::new,
                Collectors.counting()));
    }

    private void kib(String label, OptionalLong before, OptionalLong after) {
        figure(label, before, after, kib -> String.format("%.1f MiB", kib / 1024.0));
    }

    private void count(String label, OptionalLong before, OptionalLong after) {
        figure(label, before, after, n -> Long.toString(n));
    }

    private void figure(String label, OptionalLong before, OptionalLong after, Function<Long, String> format) {
        String change = before.isPresent() && after.isPresent()
                ? (after.getAsLong() >= before.getAsLong() ? "+" : "-")
                + format.apply(Math.abs(after.getAsLong() - before.getAsLong())) : "n/a";
        line("  %-20s %14s %14s %12s", label, show(before, format), show(after, format), change);
    }

    private static String show(OptionalLong value, Function<Long, String> format) {
        return value.isPresent() ? format.apply(value.getAsLong()) : "n/a";
    }

    /** Wall-clock time as the proxy's log writes it, then the offset into the run. */
    private String at(long nanos) {
        long sinceOrigin = nanos - report.originNanos();
        LocalTime wall = LocalTime.ofInstant(report.originWall().plusNanos(sinceOrigin), ZoneId.systemDefault());
        return String.format("%s (+%.1fs)", WALL.format(wall), sinceOrigin / 1e9);
    }

    private static String secs(long millis) {
        return millis % 1000 == 0 ? (millis / 1000) + "s" : String.format("%.1fs", millis / 1000.0);
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "...";
    }

    private void line(String format, Object... args) {
        out.append(args.length == 0 ? format : String.format(format, args)).append('\n');
    }
}
