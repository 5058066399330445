package dev.sluice.adapters.http.in.limits;

import dev.sluice.application.port.in.AdmitClient;
import dev.sluice.domain.limits.RateDecision;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies {@code server.rate_limits} before any work is done: every {@code /olla/} route (inference, model lists,
 * Anthropic: Olla skips the last two), the Ollama front door's {@code /api/} and the health route. Refusals are 429 with {@code Retry-After}, as JSON in
 * the route's dialect; every answer on a limited route carries {@code X-RateLimit-Limit/-Remaining/-Reset}.
 */
public final class RateLimitHandler extends Handler.Wrapper {

    private static final Logger LOG = LoggerFactory.getLogger(RateLimitHandler.class);

    private final AdmitClient limiter;
    private final ClientAddress clients;

    public RateLimitHandler(AdmitClient limiter, ClientAddress clients) {
        this.limiter = limiter;
        this.clients = clients;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        RateDecision decision;
        // Provider status pages are read like /internal/status, not sent to a model: they are not rate-limited.
        if (path.startsWith("/olla/") || path.startsWith("/api/") && !path.startsWith("/api/providers")) {
            decision = limiter.admit(clients.of(request));
        } else if (path.equals("/internal/health")) {
            decision = limiter.admitHealthCheck(clients.of(request));
        } else {
            return super.handle(request, response, callback);
        }
        if (decision.limit() > 0) {
            response.getHeaders().put("X-RateLimit-Limit", decision.limit());
            response.getHeaders().put("X-RateLimit-Remaining", decision.remaining());
            response.getHeaders().put("X-RateLimit-Reset", decision.resetEpochSecs());
        }
        if (decision.allowed()) {
            return super.handle(request, response, callback);
        }
        LOG.info("429 rate_limited: {} {} from {}", request.getMethod(), path, clients.of(request));
        String message = "rate limit exceeded: " + decision.limit() + " requests per minute; retry in "
                + decision.retryAfterSecs() + " s";
        String body = path.startsWith("/olla/anthropic/")
                ? "{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"" + message + "\"}}"
                : path.contains("/api/") ? "{\"error\":\"" + message + "\"}"
                : "{\"error\":{\"message\":\"" + message + "\",\"type\":\"rate_limit_error\",\"param\":null,"
                + "\"code\":\"rate_limit_exceeded\"}}";
        response.setStatus(429);
        if (request.getLength() != 0) {
            // The body stays unread on the connection: the client must not reuse it.
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
        }
        response.getHeaders().put(HttpHeader.RETRY_AFTER, decision.retryAfterSecs());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
        return true;
    }
}
