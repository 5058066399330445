package dev.sluice.adapters.http.in.metrics;

import com.codahale.metrics.Snapshot;
import com.codahale.metrics.Timer;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.Quantile;
import io.prometheus.metrics.model.snapshots.Quantiles;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;
import io.prometheus.metrics.model.snapshots.SummarySnapshot.SummaryDataPointSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects metric families for one scrape, point by point, and hands them to the Prometheus model. Olla's names
 * are written as Olla spells them when {@link MetricNaming#OLLA} is asked for, else in the form promtool accepts.
 */
final class Families {

    private static final double NANOS_PER_SECOND = 1e9;

    private final MetricNaming naming;
    private final Map<String, GaugeSnapshot.Builder> gauges = new LinkedHashMap<>();
    private final Map<String, CounterSnapshot.Builder> counters = new LinkedHashMap<>();
    private final Map<String, SummarySnapshot.Builder> summaries = new LinkedHashMap<>();
    private final List<MetricSnapshot> infos = new ArrayList<>();

    Families(MetricNaming naming) {
        this.naming = naming;
    }

    /** An Olla gauge; its name and unit follow the naming in force. */
    void ollaGauge(String ollaName, String help, double value, String... labels) {
        MetricNaming.Spelling spelling = naming.spell(ollaName);
        if (spelling.counter()) {
            counter(spelling.name(), help, value * spelling.scale(), labels);
        } else {
            gauge(spelling.name(), help, value * spelling.scale(), labels);
        }
    }

    /** An info metric: {@code name} without {@code _info}, which the writer adds. */
    void info(String name, String help, String... labels) {
        infos.add(InfoSnapshot.builder().name(name).help(help)
                .dataPoint(InfoSnapshot.InfoDataPointSnapshot.builder().labels(Labels.of(labels)).build()).build());
    }

    void gauge(String name, String help, double value, String... labels) {
        gauges.computeIfAbsent(name, n -> GaugeSnapshot.builder().name(n).help(help))
                .dataPoint(GaugeDataPointSnapshot.builder().value(value).labels(Labels.of(labels)).build());
    }

    /** {@code name} without {@code _total}: the writer adds it. */
    void counter(String name, String help, double value, String... labels) {
        String base = name.endsWith("_total") ? name.substring(0, name.length() - "_total".length()) : name;
        counters.computeIfAbsent(base, n -> CounterSnapshot.builder().name(n).help(help))
                .dataPoint(CounterDataPointSnapshot.builder().value(value).labels(Labels.of(labels)).build());
    }

    /** A dropwizard timer as a summary in seconds: count, sum (mean × count) and the usual quantiles. */
    void timer(String name, String help, Timer timer, String... labels) {
        Snapshot s = timer.getSnapshot();
        long count = timer.getCount();
        summary(name, help, count, s.getMean() * count / NANOS_PER_SECOND, s, NANOS_PER_SECOND, labels);
    }

    void summary(String name, String help, long count, double sum, Snapshot s, double divisor, String... labels) {
        Quantiles quantiles = Quantiles.of(new Quantile(0.5, s.getMedian() / divisor),
                new Quantile(0.95, s.get95thPercentile() / divisor), new Quantile(0.99, s.get99thPercentile() / divisor));
        summaries.computeIfAbsent(name, n -> SummarySnapshot.builder().name(n).help(help))
                .dataPoint(SummaryDataPointSnapshot.builder().count(count).sum(sum).quantiles(quantiles)
                        .labels(Labels.of(labels)).build());
    }

    List<MetricSnapshot> snapshots() {
        List<MetricSnapshot> out = new ArrayList<>(infos);
        gauges.values().forEach(b -> out.add(b.build()));
        counters.values().forEach(b -> out.add(b.build()));
        summaries.values().forEach(b -> out.add(b.build()));
        return out;
    }
}
