package dev.sluice.soak;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything a run found, gathered for {@link SummaryTable}. Times in failures and kills are on the soak's
 * nanosecond clock; {@code originNanos} is when traffic began.
 *
 * @param args           what was asked for
 * @param proxyPid       the child process
 * @param originNanos    traffic start
 * @param originWall     traffic start on the wall clock, to line failures up with the proxy's log
 * @param trafficTime    how long traffic actually ran, warm-up included
 * @param stoppedEarly   whether Ctrl-C cut the run short
 * @param counts         requests per kind
 * @param servedBy       successful answers per endpoint
 * @param classification failures, split
 * @param unkept         failures past the memory cap, by summary row: counted, not classified, so regressions
 * @param kills          every kill
 * @param restarts       restarts done (each kill's, plus any at the end)
 * @param baseline       proxy footprint after warm-up
 * @param end            proxy footprint as traffic stopped
 * @param afterTraffic   endpoints once the workers had stopped and leases had had time to drain
 * @param proxyLog       the proxy's warnings and errors
 * @param proxyLogPath   where the full log is
 */
record SoakReport(SoakArgs args, long proxyPid, long originNanos, Instant originWall, Duration trafficTime, boolean stoppedEarly,
                  Map<TrafficKind, KindCounts> counts, Map<String, Long> servedBy, Classification classification,
                  Map<String, Long> unkept,
                  List<KillWindow> kills, int restarts, Footprint baseline, Footprint end,
                  List<EndpointState> afterTraffic, ProxyLog proxyLog, Path proxyLogPath) {

    SoakReport {
        requireNonNull(args, "args");
        requireNonNull(originWall, "originWall");
        requireNonNull(trafficTime, "trafficTime");
        counts = Map.copyOf(counts);
        servedBy = Collections.unmodifiableMap(new TreeMap<>(servedBy));
        unkept = Collections.unmodifiableMap(new TreeMap<>(unkept));
        requireNonNull(classification, "classification");
        kills = List.copyOf(kills);
        requireNonNull(baseline, "baseline");
        requireNonNull(end, "end");
        afterTraffic = List.copyOf(afterTraffic);
        requireNonNull(proxyLog, "proxyLog");
        requireNonNull(proxyLogPath, "proxyLogPath");
    }

    /** Every lease released: no endpoint still counts a request once no client is sending any. */
    boolean leasesReleased() {
        return !afterTraffic.isEmpty() && afterTraffic.stream().allMatch(e -> e.activeConnections() == 0);
    }

    /** Every killed backend is routable again: the proxy noticed each recovery. */
    boolean recovered() {
        return !afterTraffic.isEmpty() && afterTraffic.stream().allMatch(EndpointState::healthy);
    }

    boolean passed() {
        return classification.clean() && unkept.isEmpty() && leasesReleased() && recovered();
    }

    long regressionCount() {
        return classification.regressions().size() + unkept.values().stream().mapToLong(Long::longValue).sum();
    }

    KindCounts total() {
        return counts.values().stream().reduce(KindCounts.NONE, KindCounts::plus);
    }
}
