package dev.sluice.adapters.http.in.server;

import java.io.IOException;
import java.net.BindException;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.CustomRequestLog;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.Slf4jRequestLogWriter;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.server.handler.gzip.GzipHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The inbound listener: one embedded Jetty server, started last and stopped first. */
public final class HttpServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);

    private final HttpServerSettings settings;
    private final java.util.List<RouteRegistrar> registrars;
    private Server server;
    private ServerConnector connector;

    private final Handler.Wrapper admission;

    /**
     * @param admission a handler that may refuse requests before any route runs (rate limiting)
     */
    public HttpServer(HttpServerSettings settings, java.util.List<RouteRegistrar> registrars, Handler.Wrapper admission) {
        this.settings = settings;
        this.registrars = java.util.List.copyOf(registrars);
        this.admission = admission;
    }

    /**
     * Binds and starts serving.
     *
     * @throws PortInUseException when the port is taken, so the caller can say so in one line
     */
    static final int HEADER_CACHE_SIZE = 128;

    public void start() throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool(settings.maxThreads(), 8);
        threads.setName("sluice-http");
        server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.setRequestHeaderSize(settings.maxHeaderSize());
        // Streaming is sacred: every write goes to the socket as it is made, never held back to fill a buffer.
        http.setOutputAggregationSize(0);
        // Jetty's per-connection header cache defaults to a 1024-row trie, about 100 KB a connection: 25 MB of heap
        // with 256 clients connected. LLM clients send a handful of headers on few requests per connection; a
        // small cache keeps the win for keep-alive without the weight.
        http.setHeaderCacheSize(HEADER_CACHE_SIZE);
        connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(settings.host());
        connector.setPort(settings.port());
        connector.setIdleTimeout(settings.idleTimeout().toMillis());
        if (!settings.readHeaderTimeout().isZero()) {
            connector.addEventListener(new SlowHeaderGuard(server.getScheduler(), settings.readHeaderTimeout()));
        }
        server.addConnector(connector);

        ServletContextHandler context = new ServletContextHandler("/");
        registrars.forEach(r -> r.register(context));
        context.setErrorHandler(new JsonErrorHandler());
        // GracefulHandler lets requests in flight finish within shutdown_timeout while new ones are refused.
        GracefulHandler graceful = new GracefulHandler();
        RequestIdHandler requestIds = new RequestIdHandler();
        admission.setHandler(statusCompression(context));
        requestIds.setHandler(admission);
        if (settings.cors().enabled()) {
            // Outermost after graceful: preflights are answered before anything else runs.
            var cors = CorsHandlers.of(settings.cors());
            cors.setHandler(requestIds);
            graceful.setHandler(cors);
        } else {
            graceful.setHandler(requestIds);
        }
        server.setHandler(graceful);
        server.setErrorHandler(new JsonErrorHandler());
        if (settings.requestLogging()) {
            Slf4jRequestLogWriter writer = new Slf4jRequestLogWriter();
            writer.setLoggerName("dev.sluice.access");
            // The query string is left out: clients put API keys and tokens there, and logs outlive secrets.
            CustomRequestLog access = new CustomRequestLog(writer,
                    "%{client}a - %u %t \"%m %U %H\" %s %O %{ms}Tms \"%{Referer}i\" \"%{User-Agent}i\"");
            server.addBean(access);
            // Proxied requests get the richer request line (dev.sluice.request); status polling stays quiet.
            server.setRequestLog((request, response) -> {
                String path = Request.getPathInContext(request);
                if (!path.startsWith("/olla/") && !path.startsWith("/internal/") && !path.startsWith("/health")
                        && !path.startsWith("/api/providers")) {
                    access.log(request, response);
                }
            });
        }
        server.setStopTimeout(settings.shutdownTimeout().toMillis());
        server.setStopAtShutdown(false);
        try {
            server.start();
        } catch (IOException e) {
            server.stop();
            if (e instanceof BindException || e.getCause() instanceof BindException) {
                throw new PortInUseException(settings.host(), settings.port(), e);
            }
            throw e;
        }
        LOG.debug("listening on {}:{}", settings.host(), port());
    }

    // Status pages and model lists are compressed for clients that ask; proxied streams never pass through this.
    private static GzipHandler statusCompression(ServletContextHandler context) {
        GzipHandler gzip = new GzipHandler();
        gzip.setMinGzipSize(256);
        gzip.setIncludedMethods("GET");
        gzip.setIncludedPaths("/internal/*", "/olla/models", "/olla/models/*", "/version", "/api/providers",
                "/api/providers/*", "/health/*");
        gzip.setHandler(context);
        return gzip;
    }

    /** Every route, for the startup table. */
    public java.util.List<RouteRegistrar.Route> routes() {
        return registrars.stream().flatMap(r -> r.routes().stream()).toList();
    }

    /** The bound port (the real one when settings asked for 0). */
    public int port() {
        return connector.getLocalPort();
    }

    @Override
    public void close() throws Exception {
        if (server != null) {
            // Graceful: stops accepting, lets in-flight requests finish within shutdown_timeout, then closes the rest.
            try {
                server.stop();
            } catch (java.util.concurrent.TimeoutException e) {
                LOG.warn("requests still running after the {} ms shutdown timeout were cut off",
                        settings.shutdownTimeout().toMillis());
            }
        }
    }
}
