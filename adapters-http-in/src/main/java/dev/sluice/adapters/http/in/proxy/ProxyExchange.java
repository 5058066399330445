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
    private volatile jakarta.servlet.http.HttpServletResponse clientResponse;

    final String requestId;
    final RouteScope scope;
    final ProxyPath path;
    final Dialect dialect;
    final RequestBody body;
    final RoutePlan plan;
    final long receivedNanos;
    final Conversion conversion;
    final AtomicLong bytesRelayed = new AtomicLong();
    private volatile Attempt attempt;
    private volatile long attemptStartNanos;
    private volatile long headersNanos;
    private volatile boolean clientGone;
    private volatile TailWriter tailWriter;
    private volatile Optional<Duration> holdFor = Optional.empty();

    /** Appends bytes behind whatever is still queued for the client, then runs {@code done}, written or not. */
    interface TailWriter {
        void append(byte[] bytes, Runnable done);
    }

    private volatile long firstBodyNanos;
    private volatile RequestOutcome.FailureKind lastFailure = RequestOutcome.FailureKind.NONE;
    private volatile int attempts;
    final ResponseTail tail = new ResponseTail();
    // Off when nothing reads token figures: the relay then copies nothing.
    volatile boolean keepTail = true;

    ProxyExchange(String requestId, RouteScope scope, ProxyPath path, RequestBody body, RoutePlan plan,
                  long receivedNanos) {
        this(requestId, scope, path, body, plan, receivedNanos, Conversion.RELAY);
    }

    ProxyExchange(String requestId, RouteScope scope, ProxyPath path, RequestBody body, RoutePlan plan,
                  long receivedNanos, Conversion conversion) {
        this.conversion = conversion;
        conversion.attach(this);
        this.requestId = requestId;
        this.scope = scope;
        this.path = path;
        this.dialect = Dialect.of(path);
        this.body = body;
        this.plan = plan;
        this.receivedNanos = receivedNanos;
    }

    static ProxyExchange of(HttpServletRequest request) {
        return (ProxyExchange) request.getAttribute(ATTRIBUTE);
    }

    void attachTo(HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response) {
        request.setAttribute(ATTRIBUTE, this);
        this.clientResponse = response;
    }

    /** Replaces the status about to go to the client, when nothing has been written to it yet. */
    void answerStatusInstead(int status) {
        jakarta.servlet.http.HttpServletResponse response = clientResponse;
        if (response != null && !response.isCommitted()) {
            response.setStatus(status);
        }
    }

    /** Takes the next attempt from the plan; empty when every allowed endpoint has been tried. */
    Optional<Attempt> nextAttempt() {
        Optional<Attempt> next = plan.next();
        next.ifPresent(this::begin);
        return next;
    }

    /** Starts the attempt the plan handed out (the first one may have waited for a place). */
    void begin(Attempt next) {
        attempt = next;
        attempts++;
        holdFor = Optional.empty();
        attemptStartNanos = System.nanoTime();
        headersNanos = 0;
    }

    Attempt attempt() {
        return attempt;
    }

    void headersArrived() {
        headersNanos = System.nanoTime();
    }

    /** What the current answer's rate-limit headers said: how long to leave its provider alone. */
    void holdFor(Optional<Duration> hold) {
        holdFor = hold;
    }

    Optional<Duration> holdFor() {
        return holdFor;
    }

    /** Time from receiving the request to the backend's headers: what X-Olla-Response-Time reports. */
    Duration responseTime() {
        return Duration.ofNanos((headersNanos == 0 ? System.nanoTime() : headersNanos) - receivedNanos);
    }

    /** The body to send to the current attempt's endpoint (an alias may rename the model for it). */
    byte[] bodyForAttempt() {
        return conversion.body(this, attempt);
    }

    /** The path on the current attempt's endpoint. */
    String targetPath() {
        return conversion.targetPath(this, attempt);
    }

    /** The query on the current attempt's endpoint. */
    Optional<String> targetQuery() {
        return conversion.targetQuery(this, attempt);
    }

    /** The model the current attempt's endpoint is asked for: an alias's native name, else the client's. */
    Optional<String> modelForAttempt() {
        return attempt.modelOverride().or(body::model);
    }

    /** A buffer of the answer is on its way to the client: counted, timed if first, and its end kept. */
    void relayed(java.nio.ByteBuffer input) {
        int length = input.remaining();
        if (length > 0 && firstBodyNanos == 0) {
            firstBodyNanos = System.nanoTime();
        }
        bytesRelayed.addAndGet(length);
        if (keepTail) {
            tail.keep(input);
        }
    }

    /** From arrival to the first body byte sent to the client, if one was. */
    Optional<Duration> timeToFirstByte() {
        long first = firstBodyNanos;
        return first == 0 ? Optional.empty() : Optional.of(Duration.ofNanos(first - receivedNanos));
    }

    /** How the last attempt failed; {@code NONE} when it was relayed whole. */
    RequestOutcome.FailureKind lastFailure() {
        return lastFailure;
    }

    int attempts() {
        return attempts;
    }

    /** The client stopped reading: whatever fails next is not the endpoint's fault. */
    void clientGone() {
        clientGone = true;
    }

    boolean isClientGone() {
        return clientGone;
    }

    void tailWriter(TailWriter writer) {
        this.tailWriter = writer;
    }

    /** Where a broken stream's closing bytes go; null before the first byte was relayed. */
    TailWriter tailWriter() {
        return tailWriter;
    }

    /** Releases the current attempt's lease: the backend answered {@code status} and it was relayed whole. */
    void finishAnswered(int status, Optional<Duration> retryAfter) {
        Attempt current = attempt;
        lastFailure = RequestOutcome.FailureKind.NONE;
        if (current != null) {
            current.release(RequestOutcome.answered(status, bytesRelayed.get(), elapsed(), firstByte(), retryAfter));
        }
        conversion.finished(status < 400);
    }

    /** Releases the current attempt's lease after a failure of this kind. */
    void finishFailed(RequestOutcome.FailureKind kind, int status) {
        Attempt current = attempt;
        lastFailure = kind;
        if (current != null) {
            current.release(RequestOutcome.failed(kind, status, bytesRelayed.get(), elapsed(), firstByte()));
        }
        conversion.finished(false);
    }

    private Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - attemptStartNanos);
    }

    private Optional<Duration> firstByte() {
        return headersNanos == 0 ? Optional.empty() : Optional.of(Duration.ofNanos(headersNanos - attemptStartNanos));
    }
}
