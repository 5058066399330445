package dev.sluice.adapters.http.in.metrics;

import com.codahale.metrics.Counter;
import com.codahale.metrics.Histogram;
import com.codahale.metrics.LockFreeExponentiallyDecayingReservoir;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import dev.sluice.domain.metrics.CompletedRequest;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The request figures of one series (the whole proxy, an endpoint, a model, or a model on an endpoint), held in
 * the dropwizard registry under {@code prefix}. Every update is lock-free: counters are adders, timers use the
 * lock-free decaying reservoir (recent requests weigh most, so p95/p99 follow the last minutes, not all time).
 */
final class Figures {

    // Beyond this many distinct clients a series stops remembering new ones: the gauge then reads "at least".
    private static final int MAX_CLIENTS = 10_000;

    final Counter requests;
    final Counter successes;
    final Counter failures;
    final Counter bytes;
    final Counter inputTokens;
    final Counter outputTokens;
    final Timer latency;
    final Timer firstByte;
    final Histogram tokensPerSecond;
    final AtomicLong consecutiveErrors = new AtomicLong();
    final AtomicLong lastRequestMillis = new AtomicLong();
    final Counter routingHits;
    final Counter routingMisses;
    final Counter routingFallbacks;
    private final Set<String> clients = ConcurrentHashMap.newKeySet();

    Figures(MetricRegistry registry, String prefix) {
        requests = registry.counter(prefix + ".requests");
        successes = registry.counter(prefix + ".successes");
        failures = registry.counter(prefix + ".failures");
        bytes = registry.counter(prefix + ".bytes");
        inputTokens = registry.counter(prefix + ".tokens.input");
        outputTokens = registry.counter(prefix + ".tokens.output");
        latency = registry.timer(prefix + ".latency", () -> new Timer(LockFreeExponentiallyDecayingReservoir.builder().build()));
        firstByte = registry.timer(prefix + ".ttfb", () -> new Timer(LockFreeExponentiallyDecayingReservoir.builder().build()));
        tokensPerSecond = registry.histogram(prefix + ".tokens_per_second",
                () -> new Histogram(LockFreeExponentiallyDecayingReservoir.builder().build()));
        routingHits = registry.counter(prefix + ".routing.hits");
        routingMisses = registry.counter(prefix + ".routing.misses");
        routingFallbacks = registry.counter(prefix + ".routing.fallbacks");
    }

    void record(CompletedRequest r, long nowMillis) {
        requests.inc();
        if (r.success()) {
            successes.inc();
            consecutiveErrors.set(0);
        } else {
            failures.inc();
            consecutiveErrors.incrementAndGet();
        }
        bytes.inc(r.bytes());
        latency.update(r.total().toNanos(), TimeUnit.NANOSECONDS);
        r.timeToFirstByte().ifPresent(d -> firstByte.update(d.toNanos(), TimeUnit.NANOSECONDS));
        r.tokens().inputTokens().ifPresent(inputTokens::inc);
        r.tokens().outputTokens().ifPresent(outputTokens::inc);
        // Histograms hold longs: tokens per second are kept in thousandths.
        r.tokens().tokensPerSecond().ifPresent(tps -> tokensPerSecond.update(Math.round(tps * 1000)));
        lastRequestMillis.set(nowMillis);
        // contains() is a lock-free read; add() would take the bin's lock even for a client already known.
        if (!clients.contains(r.clientIp()) && clients.size() < MAX_CLIENTS) {
            clients.add(r.clientIp());
        }
    }

    void routed(String outcome) {
        switch (outcome) {
            case "routed":
                routingHits.inc();
                break;
            case "fallback":
                routingFallbacks.inc();
                break;
            default:
                routingMisses.inc();
        }
    }

    int uniqueClients() {
        return clients.size();
    }

    double successRatePercent() {
        long total = requests.getCount();
        return total == 0 ? 100 : 100.0 * successes.getCount() / total;
    }

    double meanLatencyMillis() {
        return latency.getCount() == 0 ? 0 : latency.getSnapshot().getMean() / 1_000_000.0;
    }
}
