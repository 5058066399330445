package dev.sluice.simulator;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A Jetty server bound to loopback only: a simulator must never be reachable from the network it runs on.
 * Each start builds a fresh server, so a stop really frees the port and the next start cannot inherit state.
 */
final class ListeningServer {

    static final String HOST = "127.0.0.1";
    private static final long IDLE_TIMEOUT_MILLIS = 5 * 60 * 1000;

    private final Server server;
    private final ServerConnector connector;

    private ListeningServer(Server server, ServerConnector connector) {
        this.server = server;
        this.connector = connector;
    }

    /**
     * Binds and starts.
     *
     * @throws IllegalStateException when the port cannot be bound, with the port in the message
     */
    static ListeningServer start(String threadName, int port, Handler handler, boolean sendDateHeader) {
        // Daemon threads: a test that forgets close() must not keep the JVM alive.
        QueuedThreadPool threads = new QueuedThreadPool(32, 2);
        threads.setName("sim-" + threadName);
        threads.setDaemon(true);
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        // Each web stack sets its own Server header; Jetty's would give the simulator away.
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.setSendDateHeader(sendDateHeader);
        ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(HOST);
        connector.setPort(port);
        // Rebinding right after a stop must work even with connections still in TIME_WAIT.
        connector.setReuseAddress(true);
        // Jetty's 30 s default would cut a slow-health answer or a slowly paced stream short; real backends
        // wait as long as generation takes.
        connector.setIdleTimeout(IDLE_TIMEOUT_MILLIS);
        server.addConnector(connector);
        server.setHandler(handler);
        server.setStopTimeout(0);
        try {
            server.start();
        } catch (Exception e) {
            stopQuietly(server, e);
            throw new IllegalStateException("cannot listen on " + HOST + ":" + port + ": " + e.getMessage(), e);
        }
        return new ListeningServer(server, connector);
    }

    int port() {
        return connector.getLocalPort();
    }

    /** Closes the listener and every open connection, in-flight streams included. */
    void stop() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("simulator did not stop cleanly", e);
        }
    }

    private static void stopQuietly(Server server, Exception primary) {
        try {
            server.stop();
        } catch (Exception e) {
            primary.addSuppressed(e);
        }
    }
}
