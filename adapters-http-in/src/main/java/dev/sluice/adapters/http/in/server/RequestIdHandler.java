package dev.sluice.adapters.http.in.server;

import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Gives every request an id in {@code X-Olla-Request-ID}, on every route: the client's own {@code X-Request-ID}
 * when it is sane (1-128 printable ASCII characters), else a fresh one, so a client's trace id carries through.
 */
final class RequestIdHandler extends Handler.Wrapper {

    static final String HEADER = "X-Olla-Request-ID";

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        response.getHeaders().put(HEADER, idFor(request.getHeaders().get("X-Request-ID")));
        return super.handle(request, response, callback);
    }

    static String idFor(String inbound) {
        if (inbound != null && !inbound.isEmpty() && inbound.length() <= 128
                && inbound.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            return inbound;
        }
        long random = ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE;
        return "req-" + Long.toString(random, 36);
    }
}
