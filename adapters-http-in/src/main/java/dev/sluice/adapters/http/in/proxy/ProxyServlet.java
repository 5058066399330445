package dev.sluice.adapters.http.in.proxy;

import dev.sluice.application.port.in.Attempt;
import dev.sluice.domain.endpoint.RequestOutcome.FailureKind;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
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
 * The data plane: a thin {@link AsyncMiddleManServlet}. The first dispatch admits the request ({@link ProxyAdmission}
 * reads the body without blocking and asks the application where it goes); the second hands it to Jetty, whose
 * hooks below only ask the exchange and the header policy. Failover re-sends from {@link #onProxyResponseFailure}
 * while nothing has reached the client.
 */
final class ProxyServlet extends AsyncMiddleManServlet {

    private final transient ProxyAdmission admission;
    private final transient ProxyHeaders headers;
    private final transient ProxyErrors errors;
    private final transient ProxySettings settings;
    private final transient UpstreamEngine engine;

    ProxyServlet(ProxyAdmission admission, ProxyHeaders headers, ProxyErrors errors, ProxySettings settings,
                 UpstreamEngine engine) {
        this.engine = engine;
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
        if (ProxyExchange.of(clientRequest) == null) {
            admission.admit(clientRequest, proxyResponse);
        } else {
            super.service(clientRequest, proxyResponse);
        }
    }

    @Override
    protected String rewriteTarget(HttpServletRequest clientRequest) {
        ProxyExchange exchange = ProxyExchange.of(clientRequest);
        return UpstreamTarget.of(exchange.attempt().endpoint(), exchange.path.path(), exchange.path.query());
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
    }

    @Override
    protected void sendProxyRequest(HttpServletRequest clientRequest, HttpServletResponse proxyResponse,
                                    Request proxyRequest) {
        ProxyExchange exchange = ProxyExchange.of(clientRequest);
        byte[] body = exchange.bodyForAttempt();
        if (body.length > 0) {
            proxyRequest.body(new BytesRequestContent(clientRequest.getContentType(), body));
        }
        proxyRequest.idleTimeout(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
        abortWithoutHeadersAfter(proxyRequest, settings.responseHeaderTimeout().toMillis());
        super.sendProxyRequest(clientRequest, proxyResponse, proxyRequest);
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
        super.onServerResponseHeaders(clientRequest, proxyResponse, serverResponse);
        ResponseHeaders.served(proxyResponse, exchange, settings.version());
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
        return new RelayTransformer(ProxyExchange.of(clientRequest), stream, settings.streamBufferSize());
    }

    @Override
    protected ProxyWriter newProxyWriteListener(HttpServletRequest clientRequest, Response serverResponse) {
        ProxyExchange exchange = ProxyExchange.of(clientRequest);
        // The writer fails only when writing to the client fails: that client is gone, the backend is not to blame.
        return new ProxyWriter(clientRequest, serverResponse) {
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
    }

    @Override
    protected void onProxyResponseSuccess(HttpServletRequest clientRequest, HttpServletResponse proxyResponse,
                                          Response serverResponse) {
        ProxyExchange.of(clientRequest).finishAnswered(serverResponse.getStatus(),
                RetryAfter.parse(serverResponse.getHeaders().get(org.eclipse.jetty.http.HttpHeader.RETRY_AFTER)));
        super.onProxyResponseSuccess(clientRequest, proxyResponse, serverResponse);
    }

    @Override
    protected void onProxyResponseFailure(HttpServletRequest clientRequest, HttpServletResponse proxyResponse,
                                          Response serverResponse, Throwable failure) {
        ProxyExchange exchange = ProxyExchange.of(clientRequest);
        Attempt failed = exchange.attempt();
        String reason = UpstreamFailures.describe(failure);
        boolean unreachable = serverResponse == null && UpstreamFailures.unreachable(failure);
        boolean timedOut = UpstreamFailures.timedOut(failure);
        int status = serverResponse == null ? 0 : serverResponse.getStatus();
        exchange.finishFailed(exchange.isClientGone() ? FailureKind.CLIENT_GONE : unreachable ? FailureKind.UNREACHABLE
                : timedOut ? FailureKind.TIMEOUT : FailureKind.BROKEN, status);
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
            if (exchange.nextAttempt().isPresent()) {
                resend(clientRequest, proxyResponse);
                return;
            }
            fail(clientRequest, proxyResponse, exchange, unreachable ? 502 : 504,
                    unreachable ? "upstream_unreachable" : "upstream_timeout",
                    "no endpoint could serve the request; last tried " + failed.endpoint().name() + " (" + reason + ")");
            return;
        }
        fail(clientRequest, proxyResponse, exchange, timedOut ? 504 : 502, timedOut ? "upstream_timeout" : "upstream_error",
                failed.endpoint().name() + (timedOut ? " timed out: " : " failed: ") + reason);
    }

    private void resend(HttpServletRequest clientRequest, HttpServletResponse proxyResponse) {
        Request proxyRequest = newProxyRequest(clientRequest, rewriteTarget(clientRequest));
        copyRequestHeaders(clientRequest, proxyRequest);
        addProxyHeaders(clientRequest, proxyRequest);
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
