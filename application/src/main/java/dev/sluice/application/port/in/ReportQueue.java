package dev.sluice.application.port.in;

/** Reads the request queue's figures for {@code /internal/stats/queue}. Lock-free. */
public interface ReportQueue {

    /**
     * Figures at one moment.
     *
     * @param waiting       requests waiting for a place now
     * @param capacity      most that may wait ({@code proxy.queue.max_size}); 0 when queueing is off
     * @param admitted      requests that waited and then got a place
     * @param refusedFull   requests refused because the queue was full
     * @param timedOut      requests refused because no place freed up in time
     * @param timeoutMillis longest a request waits ({@code proxy.queue.timeout})
     */
    record Stats(int waiting, int capacity, long admitted, long refusedFull, long timedOut, long timeoutMillis) {
    }

    Stats stats();
}
