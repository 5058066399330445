package dev.sluice.adapters.http.in.proxy;

import dev.sluice.application.port.in.Attempt;
import dev.sluice.application.port.out.RequestSigner;
import dev.sluice.domain.endpoint.RequestOutcome.FailureKind;
import dev.sluice.domain.fallback.FailureClass;
import dev.sluice.domain.fallback.FallbackStep;
import dev.sluice.domain.limits.RateLimitHeaders;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.ee10.proxy.AsyncMiddleManServlet;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * The data plane: a thin {@link AsyncMiddleManServlet}. Its dispatch admits the request ({@link ProxyAdmission}
 * reads the body without blocking and asks the application where it goes), which then calls {@link #send}; Jetty's
 * hooks below only ask the exchange and the header policy. Failover re-sends from {@link #onProxyResponseFailure}
 * while nothing has reached the client.
 */
final class ProxyServlet extends AsyncMiddleManServlet {

    private final transient ProxyAdmission admission;
    private final transient ProxyHeaders headers;
    private final transient ProxyErrors errors;
    private final transient ProxySettings settings;
    private final transient UpstreamEngine engine;
    private final transient RequestSigner signer;

    ProxyServlet(ProxyAdmission admission, ProxyHeaders headers, ProxyErrors errors, ProxySettings settings,
                 UpstreamEngine engine, RequestSigner signer) {
        this.engine = engine;
        this.signer = signer;
        this.admission = admission;
        this.headers = headers;
        this.errors = errors;
        this.settings = settings;
    }

    @Override
    protected HttpClient newHttpClient() {
        HttpClient client = super.newHttpClient();
        client.setConnectTimeout(settings.connectTimeout().toMillis());
        client.setUserAgentField(null);
        return client;
    }

    HttpClient upstreamClient() {
        return getHttpClient();
    }

    @Override
    public void init() throws jakarta.servlet.ServletException {
        super.init();
        try {
            engine.start(getHttpClient(), getHttpClient().getExecutor());
        } catch (Exception e) {
            throw new jakarta.servlet.ServletException("cannot start the " + engine.name() + " engine", e);
        }
    }

    @Override
    public void destroy() {
        engine.stop();
        super.destroy();
    }

    @Override
    protected Request newProxyRequest(HttpServletRequest clientRequest, String rewrittenTarget) {
        // Same as Jetty's, but on the engine's client for the chosen endpoint.
        return engine.clientFor(ProxyExchange.of(clientRequest).attempt().endpoint()).newRequest(rewrittenTarget)
                .method(clientRequest.getMethod())
                .attribute(CLIENT_REQUEST_ATTRIBUTE, clientRequest);
    }

    @Override
    protected void service(HttpServletRequest clientRequest, HttpServletResponse proxyResponse) throws
            jakarta.servlet.ServletException, IOException {
        // Jetty's own service() is not used: admission reads the body asynchronously and then calls send.
        admission.admit(clientRequest, proxyResponse);
    }

    /**
     * Sends an admitted request upstream: Jetty's service() sequence (rewrite, new request, headers, send) for a
     * request that is already async with its body read, so it needs no second dispatch through the container.
     */
    void send(HttpServletRequest clientRequest, HttpServletResponse proxyResponse, boolean inline) {
        clientRequest.getAsyncContext().setTimeout(0);
        if (inline) {
            resend(clientRequest, proxyResponse);
        } else {
            // Woken from a queue by another request's completion: go on on a pool thread, not that request's.
            getHttpClient().getExecutor().execute(() -> resend(clientRequest, proxyResponse));
        }
    }

    @Override
    protected String rewriteTarget(HttpServletRequest clientRequest) {
        ProxyExchange exchange = ProxyExchange.of(clientRequest);
        return UpstreamTarget.of(exchange.attempt().endpoint(), exchange.targetPath(), exchange.targetQuery(),
                exchange.modelForAttempt());
    }

    @Override
    protected boolean hasContent(HttpServletRequest clientRequest) {
        // The body was read during admission; it is attached in sendProxyRequest, not streamed from the client.
        return false;
    }

    @Override
    protected void copyRequestHeaders(HttpServletRequest clientRequest, Request proxyRequest) {
        super.copyRequestHeaders(clientRequest, proxyRequest);
        proxyRequest.headers(h -> {
            for (java.util.ListIterator<HttpField> it = h.listIterator(); it.hasNext(); ) {
                if (!ProxyHeaders.forwardsToBackend(it.next().getName())) {
                    it.remove();
                }
            }
        });
    }

    @Override
    protected void addProxyHeaders(HttpServletRequest clientRequest, Request proxyRequest) {
        ProxyExchange exchange = ProxyExchange.of(clientRequest);
        headers.decorate(clientRequest, proxyRequest, exchange.attempt().endpoint(), exchange.requestId);
        exchange.conversion.prepare(proxyRequest, exchange.attempt());
    }

    @Override
    protected void sendProxyRequest(HttpServletRequest clientRequest, HttpServletResponse proxyResponse,
                                    Request proxyRequest) {
        ProxyExchange exchange = ProxyExchange.of(clientRequest);
        byte[] body = exchange.bodyForAttempt();
        if (body.length > 0) {
            proxyRequest.body(new BytesRequestContent(clientRequest.getContentType(), body));
        }
        // Signed last, over the URL and the very bytes that go out; each attempt (failover) is signed afresh.
        Map<String, String> signature = signer.sign(exchange.attempt().endpoint(), proxyRequest.getMethod(),
                proxyRequest.getURI(), body);
        if (!signature.isEmpty()) {
            proxyRequest.headers(h -> signature.forEach(h::put));
        }
        proxyRequest.idleTimeout(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
        abortWithoutHeadersAfter(proxyRequest, headerTimeoutMillis(exchange.attempt().endpoint()));
        super.sendProxyRequest(clientRequest, proxyResponse, proxyRequest);
    }

    // proxy.response_header_timeout, shortened by the platform's own characteristics.timeout when that is lower.
    private long headerTimeoutMillis(dev.sluice.domain.endpoint.Endpoint endpoint) {
        long global = settings.responseHeaderTimeout().toMillis();
        long platform = endpoint.profile().characteristics().timeout().toMillis();
        if (global <= 0) {
            return platform;
        }
        return platform <= 0 ? global : Math.min(global, platform);
    }

    // A model that takes minutes to load must not hold a request forever: no headers in time is a 504.
    private void abortWithoutHeadersAfter(Request proxyRequest, long millis) {
        if (millis <= 0) {
            return;
        }
        Scheduler.Task task = getHttpClient().getScheduler().schedule(() -> proxyRequest.abort(
                new TimeoutException("no response headers within " + millis + " ms")), millis, TimeUnit.MILLISECONDS);
        proxyRequest.onResponseBegin(response -> task.cancel());
        proxyRequest.onComplete(result -> task.cancel());
    }

    @Override
    protected void onServerResponseHeaders(HttpServletRequest clientRequest, HttpServletResponse proxyResponse,
                                           Response serverResponse) {
        ProxyExchange exchange = ProxyExchange.of(clientRequest);
        exchange.headersArrived();
        int status = serverResponse.getStatus();
        exchange.holdFor(RateLimitHeaders.holdFor(status, serverResponse.getHeaders()::get, java.time.Instant.now()));
        // Nothing was written yet: a transient refusal (429, 5xx) may still become another attempt.
        if (FailureClass.retryable(status)
                && exchange.plan.afterFailure(exchange.attempt(), FailureClass.ofStatus(status)).action().proceeds()) {
            serverResponse.abort(new AnswerFallback(status));
            return;
        }
        super.onServerResponseHeaders(clientRequest, proxyResponse, serverResponse);
        ResponseHeaders.served(proxyResponse, exchange, settings.version());
        exchange.conversion.served(proxyResponse, exchange.attempt(), serverResponse.getStatus());
    }

    @Override
    protected HttpField filterServerResponseHeader(HttpServletRequest clientRequest, Response serverResponse,
                                                   HttpField field) {
        return ProxyHeaders.filterFromBackend(field, ProxyExchange.of(clientRequest).attempt().endpoint());
    }

    @Override
    protected ContentTransformer newServerResponseContentTransformer(HttpServletRequest clientRequest,
                                                                     HttpServletResponse proxyResponse,
                                                                     Response serverResponse) {
        boolean stream = DeliveryProfile.streams(settings.deliveryProfile(),
                serverResponse.getHeaders().get(org.eclipse.jetty.http.HttpHeader.CONTENT_TYPE));
        ProxyExchange exchange = ProxyExchange.of(clientRequest);
        return exchange.conversion.transformer(exchange.attempt(), serverResponse.getStatus(),
                name -> serverResponse.getHeaders().get(name),
                new RelayTransformer(exchange, stream, settings.streamBufferSize()));
    }

    @Override
    protected ProxyWriter newProxyWriteListener(HttpServletRequest clientRequest, Response serverResponse) {
        ProxyExchange exchange = ProxyExchange.of(clientRequest);
        // The writer fails only when writing to the client fails: that client is gone, the backend is not to blame.
        ProxyWriter writer = new ProxyWriter(clientRequest, serverResponse) {
            @Override
            public void onError(Throwable failure) {
                exchange.clientGone();
                super.onError(failure);
            }

            @Override
            protected void onCompleteFailure(Throwable failure) {
                exchange.clientGone();
                super.onCompleteFailure(failure);
            }
        };
        exchange.tailWriter((bytes, done) -> {
            writer.offer(java.nio.ByteBuffer.wrap(bytes), org.eclipse.jetty.util.Callback.from(done, x -> done.run()));
            writer.iterate();
        });
        return writer;
    }

    @Override
    protected void onProxyResponseSuccess(HttpServletRequest clientRequest, HttpServletResponse proxyResponse,
                                          Response serverResponse) {
        ProxyExchange exchange = ProxyExchange.of(clientRequest);
        exchange.finishAnswered(serverResponse.getStatus(), exchange.holdFor());
        super.onProxyResponseSuccess(clientRequest, proxyResponse, serverResponse);
    }

    @Override
    protected void onProxyResponseFailure(HttpServletRequest clientRequest, HttpServletResponse proxyResponse,
                                          Response serverResponse, Throwable failure) {
        ProxyExchange exchange = ProxyExchange.of(clientRequest);
        Attempt failed = exchange.attempt();
        if (failure instanceof AnswerFallback refused) {
            // The answer counts for its endpoint (a 429 holds it back for its Retry-After), then the plan goes on.
            exchange.finishAnswered(refused.status(), exchange.holdFor());
            Optional<Duration> hold = exchange.holdFor();
            fallBack(clientRequest, proxyResponse, exchange, Duration.ZERO, () -> {
                hold.ifPresent(h -> proxyResponse.setHeader("Retry-After", Long.toString(Math.max(1, h.toSeconds()))));
                fail(clientRequest, proxyResponse, exchange, refused.status(),
                        refused.status() == 429 ? "rate_limited" : "upstream_error",
                        "no endpoint could serve the request; last tried " + failed.endpoint().name() + " (answered "
                                + refused.status() + ")");
            });
            return;
        }
        String reason = UpstreamFailures.describe(failure);
        boolean unreachable = serverResponse == null && UpstreamFailures.unreachable(failure);
        boolean timedOut = UpstreamFailures.timedOut(failure);
        int status = serverResponse == null ? 0 : serverResponse.getStatus();
        exchange.finishFailed(exchange.isClientGone() ? FailureKind.CLIENT_GONE : unreachable ? FailureKind.UNREACHABLE
                : timedOut ? FailureKind.TIMEOUT : FailureKind.BROKEN, status);
        if (!exchange.isClientGone() && proxyResponse.isCommitted() && endBrokenStream(clientRequest, exchange, reason)) {
            return;
        }
        if (exchange.isClientGone() || proxyResponse.isCommitted()) {
            // Bytes already reached the client (or it left): the status cannot change; cut the connection.
            super.onProxyResponseFailure(clientRequest, proxyResponse, serverResponse, failure);
            return;
        }
        if (serverResponse == null && (unreachable || timedOut)) {
            // The backend never answered: try the next candidate, invisibly to the client. An unreachable one is
            // marked down at once; a slow one is left to the breaker.
            if (unreachable) {
                exchange.plan.unreachable(failed, reason);
            }
            Runnable giveUp = () -> fail(clientRequest, proxyResponse, exchange, unreachable ? 502 : 504,
                    unreachable ? "upstream_unreachable" : "upstream_timeout",
                    "no endpoint could serve the request; last tried " + failed.endpoint().name() + " (" + reason + ")");
            FallbackStep step = exchange.plan.afterFailure(failed, FailureClass.TRANSIENT);
            if (step.action().proceeds()) {
                fallBack(clientRequest, proxyResponse, exchange, step.delay(), giveUp);
            } else {
                giveUp.run();
            }
            return;
        }
        fail(clientRequest, proxyResponse, exchange, timedOut ? 504 : 502, timedOut ? "upstream_timeout" : "upstream_error",
                failed.endpoint().name() + (timedOut ? " timed out: " : " failed: ") + reason);
    }

    // A translated stream ends in its dialect's error event rather than a cut connection, when the dialect has one.
    private boolean endBrokenStream(HttpServletRequest clientRequest, ProxyExchange exchange, String reason) {
        ProxyExchange.TailWriter tail = exchange.tailWriter();
        java.util.Optional<byte[]> bytes = exchange.conversion.brokenStreamTail(exchange.attempt(), reason);
        if (tail == null || bytes.isEmpty()) {
            return false;
        }
        tail.append(bytes.get(), () -> clientRequest.getAsyncContext().complete());
        return true;
    }

    // The next attempt the plan hands out, after the strategy's backoff (waiting holds no thread); else give up.
    private void fallBack(HttpServletRequest clientRequest, HttpServletResponse proxyResponse, ProxyExchange exchange,
                          Duration delay, Runnable giveUp) {
        Runnable next = () -> {
            if (exchange.nextAttempt().isPresent()) {
                resend(clientRequest, proxyResponse);
            } else {
                giveUp.run();
            }
        };
        if (delay.isZero()) {
            next.run();
        } else {
            getHttpClient().getScheduler().schedule(next, delay.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    private void resend(HttpServletRequest clientRequest, HttpServletResponse proxyResponse) {
        Request proxyRequest;
        try {
            proxyRequest = newProxyRequest(clientRequest, rewriteTarget(clientRequest));
            copyRequestHeaders(clientRequest, proxyRequest);
            addProxyHeaders(clientRequest, proxyRequest);
        } catch (RuntimeException e) {
            // No dispatch is on the stack to turn this into a 500: answer it here, or the client would wait forever.
            ProxyExchange exchange = ProxyExchange.of(clientRequest);
            exchange.finishFailed(FailureKind.BROKEN, 0);
            fail(clientRequest, proxyResponse, exchange, 500, "server_error", "cannot build the upstream request to "
                    + exchange.attempt().endpoint().name() + ": " + e.getMessage());
            return;
        }
        proxyRequest.timeout(getTimeout(), TimeUnit.MILLISECONDS);
        sendProxyRequest(clientRequest, proxyResponse, proxyRequest);
    }

    private void fail(HttpServletRequest clientRequest, HttpServletResponse proxyResponse, ProxyExchange exchange,
                      int status, String type, String message) {
        errors.send(proxyResponse, exchange.dialect, status, type, message);
        if (clientRequest.isAsyncStarted()) {
            clientRequest.getAsyncContext().complete();
        }
    }
}
