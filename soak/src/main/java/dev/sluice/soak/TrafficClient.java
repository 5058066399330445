package dev.sluice.soak;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.InputStreamResponseListener;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.StringRequestContent;
import org.eclipse.jetty.http.HttpMethod;

/**
 * Sends one request of a kind through the proxy and reads the answer to its last byte, blocking the calling
 * worker. Every outcome is classified here; nothing is thrown but {@link InterruptedException}.
 */
final class TrafficClient {

    /** The whole exchange: a 20-chunk stream takes under a second, so this only fires on a hang. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final URI proxy;
    private final String model;
    private final BodyCheck check;

    TrafficClient(HttpClient http, URI proxy, String model, BodyCheck check) {
        this.http = requireNonNull(http, "http");
        this.proxy = requireNonNull(proxy, "proxy");
        this.model = requireNonNull(model, "model");
        this.check = requireNonNull(check, "check");
    }

    Outcome send(TrafficKind kind, String requestId) throws InterruptedException {
        String body = kind.body(model);
        Request request = http.newRequest(proxy.resolve(kind.path()))
                .method(body == null ? HttpMethod.GET : HttpMethod.POST)
                .headers(headers -> headers.put("X-Request-ID", requestId))
                .timeout(REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        if (body != null) {
            request.body(new StringRequestContent("application/json", body));
        }
        InputStreamResponseListener listener = new InputStreamResponseListener();
        request.send(listener);
        Response response;
        try {
            // The request's own timeout fires first; this bound only guards against a listener never completing.
            response = listener.get(REQUEST_TIMEOUT.plusSeconds(5).toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            return new Outcome.Failed(beforeHeaders(e.getCause()), "");
        } catch (TimeoutException e) {
            request.abort(e);
            return new Outcome.Failed(Problem.of(FailureKind.TIMEOUT, "no response headers within "
                    + REQUEST_TIMEOUT.plusSeconds(5).toSeconds() + " s"), "");
        }
        String endpoint = response.getHeaders().get("X-Olla-Endpoint");
        endpoint = endpoint == null ? "" : endpoint;
        int status = response.getStatus();
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        try (InputStream in = listener.getInputStream()) {
            in.transferTo(received);
        } catch (IOException e) {
            String text = received.toString(StandardCharsets.UTF_8);
            FailureKind kind2xx = timedOut(e) ? FailureKind.TIMEOUT : FailureKind.TRUNCATED;
            FailureKind failureKind = status / 100 == 2 ? kind2xx : FailureKind.STATUS;
            return new Outcome.Failed(new Problem(failureKind, status, describe(e) + " after " + received.size()
                    + " bytes of HTTP " + status + " (last: " + tail(text) + ")"), endpoint);
        }
        String text = received.toString(StandardCharsets.UTF_8);
        if (status / 100 != 2) {
            return new Outcome.Failed(new Problem(FailureKind.STATUS, status, text), endpoint);
        }
        String served = endpoint;
        return kind.check(check, text).<Outcome>map(problem -> new Outcome.Failed(problem, served))
                .orElseGet(() -> new Outcome.Served(served));
    }

    private static Problem beforeHeaders(Throwable failure) {
        return Problem.of(timedOut(failure) ? FailureKind.TIMEOUT : FailureKind.CONNECTION, describe(failure));
    }

    private static boolean timedOut(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** The exception chain as one line, outermost first: the exact error, not a summary of it. */
    static String describe(Throwable failure) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = failure; t != null && out.length() < Problem.MAX_DETAIL; t = t.getCause()) {
            if (out.length() > 0) {
                out.append(" <- ");
            }
            out.append(t.getClass().getSimpleName());
            if (t.getMessage() != null) {
                out.append(": ").append(t.getMessage());
            }
        }
        return out.toString();
    }

    private static String tail(String text) {
        String trimmed = text.strip();
        return trimmed.length() <= 80 ? "'" + trimmed + "'" : "'..." + trimmed.substring(trimmed.length() - 80) + "'";
    }
}
