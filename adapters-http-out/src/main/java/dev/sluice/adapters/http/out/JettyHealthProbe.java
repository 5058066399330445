package dev.sluice.adapters.http.out;

import dev.sluice.application.port.out.HealthProbe;
import dev.sluice.domain.endpoint.Endpoint;
import dev.sluice.domain.endpoint.ProbeAnswered;
import dev.sluice.domain.endpoint.ProbeResult;
import dev.sluice.domain.endpoint.ProbeUnreachable;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;

/**
 * Probes with one GET of the endpoint's health URL, as Olla does: any HTTP answer is an answer (the policy
 * decides what its status means), anything else is unreachable.
 *
 * <p>The result is complete as soon as the status line and headers arrive; latency is measured to that point.
 * The body is then read and thrown away up to {@link #MAX_BODY_BYTES}, beyond which the exchange is aborted:
 * a health route that streams (or a misconfigured URL pointing at a large file) costs neither memory nor a
 * connection for longer than it must, and it never delays the result.
 */
final class JettyHealthProbe implements HealthProbe {

    static final int MAX_BODY_BYTES = 64 * 1024;
    private static final String ACCEPT = "application/json, text/plain, */*";

    private final HttpClient client;
    private final InstantSource clock;
    private final String userAgent;

    /**
     * @param client  a started (or to-be-started before first use) client
     * @param clock   the wall clock an HTTP-date {@code Retry-After} is measured against
     * @param version our version, for the {@code User-Agent}
     */
    JettyHealthProbe(HttpClient client, InstantSource clock, String version) {
        this.client = Objects.requireNonNull(client, "client");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.userAgent = "sluice-HealthChecker/" + Objects.requireNonNull(version, "version");
    }

    @Override
    public CompletableFuture<ProbeResult> probe(Endpoint endpoint) {
        CompletableFuture<ProbeResult> result = new CompletableFuture<>();
        long startNanos = System.nanoTime();
        Duration timeout = endpoint.checkTimeout();
        try {
            Request request = client.newRequest(endpoint.healthCheckUrl())
                    .method(HttpMethod.GET)
                    .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .headers(headers -> {
                        headers.put(HttpHeader.USER_AGENT, userAgent);
                        headers.put(HttpHeader.ACCEPT, ACCEPT);
                        headers.put(HttpHeader.CACHE_CONTROL, "no-cache");
                        OutboundHeaders.addEndpointHeaders(headers, endpoint, endpoint.healthCheckUrl());
                    });
            request.send(new ProbeListener(result, startNanos, timeout));
        } catch (RuntimeException e) {
            // A stopped client or an unusable URL throws here rather than failing the request; the port
            // promises a value either way.
            result.complete(new ProbeUnreachable(TransportFailures.reason(e, timeout), elapsedSince(startNanos)));
        }
        return result;
    }

    private static Duration elapsedSince(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /** Completes the probe's future exactly once, from Jetty's callbacks. */
    private final class ProbeListener implements Response.Listener {

        private final CompletableFuture<ProbeResult> result;
        private final long startNanos;
        private final Duration timeout;
        private long bodyBytes;

        ProbeListener(CompletableFuture<ProbeResult> result, long startNanos, Duration timeout) {
            this.result = result;
            this.startNanos = startNanos;
            this.timeout = timeout;
        }

        @Override
        public void onHeaders(Response response) {
            Duration latency = elapsedSince(startNanos);
            int status = response.getStatus();
            if (status < 100 || status > 599) {
                result.complete(new ProbeUnreachable("invalid HTTP status " + status, latency));
                return;
            }
            String retryAfter = response.getHeaders().get(HttpHeader.RETRY_AFTER);
            result.complete(new ProbeAnswered(status, latency, RetryAfter.parse(retryAfter, clock.instant())));
        }

        @Override
        public void onContent(Response response, ByteBuffer content) {
            // Jetty releases the buffer after this returns; counting is all the reading we need.
            bodyBytes += content.remaining();
            if (bodyBytes > MAX_BODY_BYTES) {
                response.abort(new IllegalStateException("health answer longer than " + MAX_BODY_BYTES + " bytes"));
            }
        }

        @Override
        public void onComplete(Result outcome) {
            // Already answered unless the exchange failed before the headers arrived.
            if (!result.isDone()) {
                String reason = outcome.isFailed()
                        ? TransportFailures.reason(outcome.getFailure(), timeout)
                        : "no answer";
                result.complete(new ProbeUnreachable(reason, elapsedSince(startNanos)));
            }
        }
    }
}
