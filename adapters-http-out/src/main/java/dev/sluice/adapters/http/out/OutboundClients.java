package dev.sluice.adapters.http.out;

import java.util.Objects;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.http.HttpCookieStore;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the Jetty HTTP client(s) this adapter sends requests with. Bound as a singleton by {@link HttpOutModule},
 * which starts nothing: bootstrap must call {@link #start()} before the first probe or discovery and
 * {@link #close()} at shutdown (after the schedulers that use the clients have stopped).
 *
 * <p>The probe client is tuned for small, short, idempotent GETs: it follows no redirects (a health URL that
 * redirects is a misconfiguration to report, and following one would carry credentials to another origin),
 * keeps no cookies (a backend's session must not leak between endpoints sharing a client), and runs on a
 * small thread pool because its threads only do non-blocking I/O.
 */
public final class OutboundClients implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OutboundClients.class);
    private static final int MAX_THREADS = 8;
    private static final int MIN_THREADS = 2;

    private final HttpClient probeClient;

    OutboundClients(HttpOutSettings settings) {
        Objects.requireNonNull(settings, "settings");
        QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, MIN_THREADS);
        threads.setName("sluice-probe");
        threads.setDaemon(true);
        probeClient = new HttpClient();
        probeClient.setExecutor(threads);
        probeClient.setFollowRedirects(false);
        probeClient.setHttpCookieStore(new HttpCookieStore.Empty());
        probeClient.setConnectTimeout(settings.connectTimeout().toMillis());
        // Every request names itself; without this Jetty would also advertise its own name and version.
        probeClient.setUserAgentField(null);
    }

    /**
     * Starts the clients. Idempotent.
     *
     * @throws IllegalStateException when Jetty cannot start them (threads, selectors)
     */
    public void start() {
        if (probeClient.isStarted()) {
            return;
        }
        try {
            probeClient.start();
            // Jetty installs its protocol handlers when it starts. A 401 is an answer to report (config_error), not a
            // challenge to negotiate: hosted APIs send it without WWW-Authenticate, which Jetty's authentication
            // handler would turn into a protocol-violation failure. Redirects are not followed either.
            probeClient.getProtocolHandlers().clear();
            LOG.debug("outbound probe client started");
        } catch (Exception e) {
            throw new IllegalStateException("cannot start outbound HTTP client", e);
        }
    }

    /** Stops the clients, failing any request still in flight. Idempotent. */
    @Override
    public void close() {
        try {
            probeClient.stop();
        } catch (Exception e) {
            // Shutdown goes on regardless; one line is enough to notice a leak.
            LOG.warn("outbound probe client did not stop cleanly: {}", e.toString());
        }
    }

    HttpClient probeClient() {
        return probeClient;
    }
}
