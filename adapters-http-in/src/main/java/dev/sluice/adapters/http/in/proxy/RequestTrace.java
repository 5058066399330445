package dev.sluice.adapters.http.in.proxy;

import dev.sluice.domain.routing.RoutingDecision;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * What admission learnt about a request (route, model, routing decision, the exchange once dispatched), kept
 * under one typed attribute so that whichever path ends the request can report it once, whole.
 */
final class RequestTrace {

    private static final String ATTRIBUTE = RequestTrace.class.getName();

    final long receivedNanos;
    volatile String route = "";
    volatile Optional<String> model = Optional.empty();
    volatile Optional<RoutingDecision> decision = Optional.empty();
    volatile ProxyExchange exchange;
    private final java.util.concurrent.atomic.AtomicBoolean reported = new java.util.concurrent.atomic.AtomicBoolean();

    private RequestTrace(long receivedNanos) {
        this.receivedNanos = receivedNanos;
    }

    static RequestTrace start(HttpServletRequest request, long receivedNanos) {
        RequestTrace trace = new RequestTrace(receivedNanos);
        request.setAttribute(ATTRIBUTE, trace);
        return trace;
    }

    static RequestTrace of(HttpServletRequest request) {
        return (RequestTrace) request.getAttribute(ATTRIBUTE);
    }

    /** True the first time only: a request is reported once whichever paths end it. */
    boolean claimReport() {
        return reported.compareAndSet(false, true);
    }
}
