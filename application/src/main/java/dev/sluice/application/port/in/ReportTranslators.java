package dev.sluice.application.port.in;

import java.time.Duration;
import java.util.List;

/** Per-translator request figures for the status page. Thread-safe; each call reads fresh counters. */
public interface ReportTranslators {

    /** Every translator that has served a request, busiest first. */
    List<Translator> translators();

    /** One translator's counters since start. */
    record Translator(String name, long totalRequests, long successfulRequests, long failedRequests,
                      long passthroughRequests, long translationRequests, long streamingRequests,
                      long nonStreamingRequests, long fallbackNoCompatibleEndpoints,
                      long fallbackPassthroughDisabled, long fallbackCannotPassthrough, Duration averageLatency) {
    }
}
