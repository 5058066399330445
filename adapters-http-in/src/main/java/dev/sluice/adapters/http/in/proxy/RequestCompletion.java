package dev.sluice.adapters.http.in.proxy;

import dev.sluice.adapters.http.in.tokens.TokenReader;
import dev.sluice.application.port.in.RecordRequest;
import dev.sluice.domain.endpoint.Endpoint;
import dev.sluice.domain.endpoint.RequestOutcome.FailureKind;
import dev.sluice.domain.metrics.CompletedRequest;
import dev.sluice.domain.metrics.TokenUsage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports a finished request to the application: reads token figures from the answer's kept tail (after the
 * last byte went out, so the stream never waits on it) and assembles the {@link CompletedRequest}.
 */
final class RequestCompletion {

    private static final Logger LOG = LoggerFactory.getLogger(RequestCompletion.class);

    private final RecordRequest journal;
    private final TokenReader tokens;

    RequestCompletion(RecordRequest journal, TokenReader tokens) {
        this.journal = journal;
        this.tokens = tokens;
    }

    /** Whether exchanges need to keep their answer's tail for token figures. */
    boolean wantsTokens() {
        return journal.wantsTokens();
    }

    void finish(HttpServletRequest request, HttpServletResponse response) {
        RequestTrace trace = RequestTrace.of(request);
        if (trace == null || !trace.claimReport()) {
            return;
        }
        try {
            journal.completed(describe(request, response, trace));
        } catch (RuntimeException e) {
            // Reporting must never break serving: the answer is already out.
            LOG.warn("could not record request {}: {}", response.getHeader(ResponseHeaders.REQUEST_ID), e.toString());
        }
    }

    private CompletedRequest describe(HttpServletRequest request, HttpServletResponse response, RequestTrace trace) {
        ProxyExchange exchange = trace.exchange;
        Optional<Endpoint> endpoint = Optional.empty();
        TokenUsage usage = TokenUsage.NONE;
        long bytes = 0;
        Optional<Duration> firstByte = Optional.empty();
        FailureKind failure = FailureKind.NONE;
        int attempts = 0;
        if (exchange != null && exchange.attempt() != null) {
            endpoint = Optional.of(exchange.attempt().endpoint());
            bytes = exchange.bytesRelayed.get();
            firstByte = exchange.timeToFirstByte();
            failure = exchange.lastFailure();
            attempts = exchange.attempts();
            if (failure == FailureKind.NONE && exchange.keepTail) {
                usage = tokens.read(endpoint.get().profile(), exchange.tail.bytes(), exchange.tail.whole());
            }
        }
        String requestId = response.getHeader(ResponseHeaders.REQUEST_ID);
        return new CompletedRequest(requestId == null ? "" : requestId, request.getRemoteAddr(), request.getMethod(),
                request.getRequestURI(), trace.route, trace.model, endpoint, trace.decision, response.getStatus(),
                bytes, firstByte, Duration.ofNanos(System.nanoTime() - trace.receivedNanos), usage, failure, attempts,
                Optional.ofNullable(request.getHeader("traceparent")));
    }
}
