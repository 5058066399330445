package dev.sluice.benchmarks.mock;

import java.util.List;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** The mock LLM backend: one Jetty server on 127.0.0.1 answering from pre-rendered frames. */
public final class MockBackend implements AutoCloseable {

    private final Server server;
    private final ServerConnector connector;

    private MockBackend(Server server, ServerConnector connector) {
        this.server = server;
        this.connector = connector;
    }

    /** Starts on {@code port} (0 for any free one). */
    public static MockBackend start(int port, Script defaults, List<String> models) throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool(64, 4);
        threads.setName("mock");
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendDateHeader(false);
        // Every frame is its own flush, as a token server's; nothing is held back to fill a buffer.
        http.setOutputAggregationSize(0);
        ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        connector.setReuseAddress(true);
        connector.setAcceptQueueSize(1024);
        connector.setIdleTimeout(300_000);
        server.addConnector(connector);
        server.setHandler(new MockHandler(defaults, models));
        server.start();
        return new MockBackend(server, connector);
    }

    public int port() {
        return connector.getLocalPort();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
