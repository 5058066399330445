package dev.sluice.application.port.in;

import dev.sluice.domain.metrics.CompletedRequest;

/**
 * The inbound adapter reports each client request here exactly once, when it is over (answered, failed or
 * refused). Thread-safe; called on request threads, so it returns quickly.
 */
public interface RecordRequest {

    void completed(CompletedRequest request);

    /**
     * Whether anything reads token figures (metrics or the request log); when not, the adapter need not keep the
     * answer's tail or parse it.
     */
    boolean wantsTokens();
}
