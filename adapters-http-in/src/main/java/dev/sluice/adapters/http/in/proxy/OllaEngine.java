package dev.sluice.adapters.http.in.proxy;

import dev.sluice.domain.endpoint.Endpoint;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.http.HttpCookieStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code olla}: a client per endpoint, each with its own connection cap (so one slow backend cannot starve the
 * pool of another) and large (64 KiB) buffers; the circuit breaker is on for this engine.
 */
public final class OllaEngine implements UpstreamEngine {

    private static final Logger LOG = LoggerFactory.getLogger(OllaEngine.class);

    private final Supplier<List<Endpoint>> endpoints;
    private final int maxConnectionsPerEndpoint;
    private final int bufferSize;
    private final long connectTimeoutMillis;
    private final long idleTimeoutMillis;
    private final Map<String, HttpClient> clients = new ConcurrentHashMap<>();
    private HttpClient fallback;

    /**
     * @param endpoints                 the fleet, read when the engine starts
     * @param maxConnectionsPerEndpoint cap on concurrent connections to one backend
     */
    public OllaEngine(Supplier<List<Endpoint>> endpoints, int maxConnectionsPerEndpoint, int bufferSize,
                      long connectTimeoutMillis, long idleTimeoutMillis) {
        this.endpoints = endpoints;
        this.maxConnectionsPerEndpoint = maxConnectionsPerEndpoint;
        this.bufferSize = bufferSize;
        this.connectTimeoutMillis = connectTimeoutMillis;
        this.idleTimeoutMillis = idleTimeoutMillis;
    }

    @Override
    public String name() {
        return "olla";
    }

    @Override
    public void start(HttpClient shared, Executor executor) throws Exception {
        this.fallback = shared;
        for (Endpoint endpoint : endpoints.get()) {
            HttpClient client = new HttpClient();
            client.setExecutor(executor);
            client.setFollowRedirects(false);
            client.setHttpCookieStore(new HttpCookieStore.Empty());
            client.setMaxConnectionsPerDestination(maxConnectionsPerEndpoint);
            client.setRequestBufferSize(bufferSize);
            client.setResponseBufferSize(bufferSize);
            client.setConnectTimeout(connectTimeoutMillis);
            client.setIdleTimeout(idleTimeoutMillis);
            client.setUserAgentField(null);
            client.start();
            // Relay bytes exactly as the backend sent them: no gzip decoding, no redirect or auth handling.
            client.getContentDecoderFactories().clear();
            client.getProtocolHandlers().clear();
            clients.put(endpoint.id(), client);
        }
    }

    @Override
    public HttpClient clientFor(Endpoint endpoint) {
        return clients.getOrDefault(endpoint.id(), fallback);
    }

    @Override
    public void stop() {
        for (HttpClient client : clients.values()) {
            try {
                client.stop();
            } catch (Exception e) {
                LOG.warn("upstream client did not stop cleanly: {}", e.toString());
            }
        }
        clients.clear();
    }
}
