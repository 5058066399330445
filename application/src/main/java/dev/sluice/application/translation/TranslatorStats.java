package dev.sluice.application.translation;

import dev.sluice.application.port.in.ReportTranslators;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Per-translator counters for {@code /internal/stats/translators}: written once per request on the hot path
 * (adders only, no lock), read by the status page.
 */
public final class TranslatorStats implements ReportTranslators {

    private final Map<String, Counters> byName = new ConcurrentHashMap<>();

    /**
     * Records one finished request.
     *
     * @param success whether the client got a non-error answer (status below 400, stream not cut)
     */
    public void record(String translator, ModeChoice choice, boolean streaming, boolean success, Duration latency) {
        Counters c = byName.computeIfAbsent(translator, n -> new Counters());
        c.total.increment();
        (success ? c.successful : c.failed).increment();
        (choice.mode() == BackendMode.PASSTHROUGH ? c.passthrough : c.translation).increment();
        (streaming ? c.streaming : c.nonStreaming).increment();
        switch (choice.fallback()) {
            case NO_COMPATIBLE_ENDPOINTS:
                c.noCompatible.increment();
                break;
            case PASSTHROUGH_DISABLED:
                c.passthroughDisabled.increment();
                break;
            case CANNOT_PASSTHROUGH:
                c.cannotPassthrough.increment();
                break;
            default:
                break;
        }
        c.latencyNanos.add(latency.toNanos());
    }

    @Override
    public List<Translator> translators() {
        List<Translator> out = new ArrayList<>();
        byName.forEach((name, c) -> out.add(c.snapshot(name)));
        out.sort((a, b) -> Long.compare(b.totalRequests(), a.totalRequests()));
        return out;
    }

    private static final class Counters {
        final LongAdder total = new LongAdder();
        final LongAdder successful = new LongAdder();
        final LongAdder failed = new LongAdder();
        final LongAdder passthrough = new LongAdder();
        final LongAdder translation = new LongAdder();
        final LongAdder streaming = new LongAdder();
        final LongAdder nonStreaming = new LongAdder();
        final LongAdder noCompatible = new LongAdder();
        final LongAdder passthroughDisabled = new LongAdder();
        final LongAdder cannotPassthrough = new LongAdder();
        final LongAdder latencyNanos = new LongAdder();

        Translator snapshot(String name) {
            long n = total.sum();
            return new Translator(name, n, successful.sum(), failed.sum(), passthrough.sum(), translation.sum(),
                    streaming.sum(), nonStreaming.sum(), noCompatible.sum(), passthroughDisabled.sum(),
                    cannotPassthrough.sum(), n == 0 ? Duration.ZERO : Duration.ofNanos(latencyNanos.sum() / n));
        }
    }
}
