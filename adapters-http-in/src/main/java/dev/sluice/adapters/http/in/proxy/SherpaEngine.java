package dev.sluice.adapters.http.in.proxy;

import dev.sluice.domain.endpoint.Endpoint;
import java.util.concurrent.Executor;
import org.eclipse.jetty.client.HttpClient;

/**
 * {@code sherpa}: one shared upstream client for every endpoint, small (8 KiB) buffers, no circuit breaker. Simple
 * and frugal; the shared pool's per-destination cap still keeps one backend from taking every connection.
 */
public final class SherpaEngine implements UpstreamEngine {

    private HttpClient shared;

    @Override
    public String name() {
        return "sherpa";
    }

    @Override
    public void start(HttpClient sharedClient, Executor executor) {
        this.shared = sharedClient;
    }

    @Override
    public HttpClient clientFor(Endpoint endpoint) {
        return shared;
    }

    @Override
    public void stop() {
        // The shared client belongs to the servlet, which stops it.
    }
}
