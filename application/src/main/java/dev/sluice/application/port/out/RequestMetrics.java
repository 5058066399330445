package dev.sluice.application.port.out;

import dev.sluice.domain.metrics.CompletedRequest;

/**
 * Where finished requests are counted (the metrics registry). Called once per client request, from whichever
 * thread completed it, concurrently: implementations must be lock-free and must not block or do I/O.
 * The request is immutable and may be kept.
 */
public interface RequestMetrics {

    /** Counts nothing: what runs when metrics are switched off. */
    RequestMetrics NONE = request -> { };

    void record(CompletedRequest request);
}
