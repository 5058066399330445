package dev.sluice.adapters.http.in.proxy;

import dev.sluice.application.port.in.Attempt;
import dev.sluice.application.port.in.RoutePlan;
import dev.sluice.domain.endpoint.RequestOutcome;
import dev.sluice.domain.routing.RouteScope;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Everything one proxied request carries between Jetty's hooks: the route, the body, the routing plan and the
 * attempt in flight. One typed object under one attribute, instead of a bag of string-keyed attributes.
 */
final class ProxyExchange {

    private static final String ATTRIBUTE = ProxyExchange.class.getName();

    final String requestId;
    final RouteScope scope;
    final ProxyPath path;
    final Dialect dialect;
    final RequestBody body;
    final RoutePlan plan;
    final long receivedNanos;
    final AtomicLong bytesRelayed = new AtomicLong();
    private volatile Attempt attempt;
    private volatile long attemptStartNanos;
    private volatile long headersNanos;
    private volatile boolean clientGone;

    ProxyExchange(String requestId, RouteScope scope, ProxyPath path, RequestBody body, RoutePlan plan,
                  long receivedNanos) {
        this.requestId = requestId;
        this.scope = scope;
        this.path = path;
        this.dialect = Dialect.of(path.path());
        this.body = body;
        this.plan = plan;
        this.receivedNanos = receivedNanos;
    }

    static ProxyExchange of(HttpServletRequest request) {
        return (ProxyExchange) request.getAttribute(ATTRIBUTE);
    }

    void attachTo(HttpServletRequest request) {
        request.setAttribute(ATTRIBUTE, this);
    }

    /** Takes the next attempt from the plan; empty when every allowed endpoint has been tried. */
    Optional<Attempt> nextAttempt() {
        Optional<Attempt> next = plan.next();
        next.ifPresent(a -> {
            attempt = a;
            attemptStartNanos = System.nanoTime();
            headersNanos = 0;
        });
        return next;
    }

    Attempt attempt() {
        return attempt;
    }

    void headersArrived() {
        headersNanos = System.nanoTime();
    }

    /** Time from receiving the request to the backend's headers: what X-Olla-Response-Time reports. */
    Duration responseTime() {
        return Duration.ofNanos((headersNanos == 0 ? System.nanoTime() : headersNanos) - receivedNanos);
    }

    /** The body to send to the current attempt's endpoint (an alias may rename the model for it). */
    byte[] bodyForAttempt() {
        return attempt.modelOverride().map(body::withModel).orElse(body.bytes());
    }

    /** The client stopped reading: whatever fails next is not the endpoint's fault. */
    void clientGone() {
        clientGone = true;
    }

    boolean isClientGone() {
        return clientGone;
    }

    /** Releases the current attempt's lease: the backend answered {@code status} and it was relayed whole. */
    void finishAnswered(int status, Optional<Duration> retryAfter) {
        Attempt current = attempt;
        if (current != null) {
            current.release(RequestOutcome.answered(status, bytesRelayed.get(), elapsed(), firstByte(), retryAfter));
        }
    }

    /** Releases the current attempt's lease after a failure of this kind. */
    void finishFailed(RequestOutcome.FailureKind kind, int status) {
        Attempt current = attempt;
        if (current != null) {
            current.release(RequestOutcome.failed(kind, status, bytesRelayed.get(), elapsed(), firstByte()));
        }
    }

    private Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - attemptStartNanos);
    }

    private Optional<Duration> firstByte() {
        return headersNanos == 0 ? Optional.empty() : Optional.of(Duration.ofNanos(headersNanos - attemptStartNanos));
    }
}
