package dev.sluice.bootstrap;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import dev.sluice.adapters.config.ConfigModule;
import dev.sluice.adapters.config.Configuration;
import dev.sluice.adapters.config.schema.SluiceConfig;
import dev.sluice.adapters.http.in.HttpInModule;
import dev.sluice.adapters.http.in.dashboard.DashboardSettings;
import dev.sluice.adapters.http.in.proxy.ProxySettings;
import dev.sluice.adapters.http.in.proxy.TranslatorSettings;
import dev.sluice.adapters.config.schema.AnthropicTranslatorConfig;
import java.nio.file.Path;
import dev.sluice.adapters.http.in.proxy.UpstreamLimits;
import dev.sluice.adapters.http.in.server.CorsSettings;
import dev.sluice.adapters.http.in.server.HttpServer;
import dev.sluice.adapters.http.in.server.RouteRegistrar;
import dev.sluice.adapters.http.in.server.HttpServerSettings;
import dev.sluice.adapters.http.in.status.ServerInfo;
import dev.sluice.adapters.http.out.HttpOutModule;
import dev.sluice.adapters.http.out.HttpOutSettings;
import dev.sluice.adapters.http.out.OutboundClients;
import dev.sluice.application.catalog.ModelDiscoveryService;
import dev.sluice.application.limits.RateLimiter;
import dev.sluice.application.fleet.Fleet;
import dev.sluice.application.fleet.HealthMonitor;
import dev.sluice.domain.endpoint.Endpoint;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running proxy: wires the modules, starts the parts in order (outbound clients, first health check, first
 * discovery, schedules, listener) and stops them in reverse.
 */
final class SluiceApp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SluiceApp.class);
    // How long startup waits for the first model discovery before serving anyway; discovery carries on after.
    private static final Duration FIRST_DISCOVERY_WAIT = Duration.ofSeconds(5);

    private final Configuration configuration;
    private final Injector injector;
    private final Instant startedAt = Instant.now();

    /** Metrics on unless {@code -Dsluice.metrics.enabled=false} (or {@code SLUICE_METRICS_ENABLED=false}). */
    SluiceApp(Configuration configuration) {
        this(configuration, MetricsSwitch.enabled(System.getProperties(), System.getenv()));
    }

    SluiceApp(Configuration configuration, boolean metricsEnabled) {
        this.configuration = configuration;
        SluiceConfig c = configuration.config().config();
        int maxHeader = (int) Math.max(4096, Math.min(Integer.MAX_VALUE,
                c.server().requestLimits().maxHeaderSize() <= 0 ? 1 << 20 : c.server().requestLimits().maxHeaderSize()));
        // Go's rule: with no idle timeout the read timeout bounds an idle connection. But a client connection is
        // also "idle" while its model loads or thinks, so it must outlast the proxy's own upstream waits, or a long
        // stream would be cut from our side; slow or stuck clients are handled by read_header_timeout instead.
        Duration idle = c.server().idleTimeout().isZero() ? c.server().readTimeout() : c.server().idleTimeout();
        for (Duration upstreamWait : new Duration[] {c.proxy().readTimeout(), c.proxy().responseHeaderTimeout()}) {
            if (upstreamWait.plusSeconds(5).compareTo(idle) > 0) {
                idle = upstreamWait.plusSeconds(5);
            }
        }
        var cors = c.server().cors();
        CorsSettings corsSettings = new CorsSettings(cors.enabled(), cors.allowedOrigins(), cors.allowedMethods(),
                cors.allowedHeaders(), cors.exposedHeaders(), cors.allowCredentials(), Duration.ofSeconds(cors.maxAge()));
        // Everything on the request path is asynchronous, so threads track CPUs, not connections: Jetty's default of
        // 200 let a burst of 256 streams grow the pool to 200 threads that only switched context and held memory.
        // 64 leave room for blocking status writes; each olla-engine client's selector holds one more for good.
        int maxThreads = 64 + configuration.endpoints().size();
        HttpServerSettings server = new HttpServerSettings(c.server().host(), c.server().port(), maxHeader, idle,
                c.server().requestLogging(), c.server().shutdownTimeout(), corsSettings, c.server().readHeaderTimeout(),
                maxThreads);
        ServerInfo info = new ServerInfo(BuildInfo.version(), BuildInfo.commit(), startedAt, c.proxy().engine(),
                c.proxy().profile(), c.proxy().loadBalancer());
        HttpOutSettings out = new HttpOutSettings(BuildInfo.version(), c.discovery().modelDiscovery().timeout(),
                HttpOutSettings.DEFAULT_MAX_DISCOVERY_BYTES, c.proxy().connectionTimeout());
        var p = c.proxy();
        // The engine's own buffer default: Olla 64 KiB, Sherpa 8 KiB.
        int buffer = p.streamBufferSize() > 0 ? (int) Math.min(p.streamBufferSize(), 1 << 24)
                : p.engine().equals("sherpa") ? 8192 : 65536;
        ProxySettings proxy = new ProxySettings(BuildInfo.version(), c.server().requestLimits().maxBodySize(),
                p.profile(), buffer, p.readTimeout(), p.responseHeaderTimeout(), p.connectionTimeout(),
                p.connectionKeepAlive(), p.stickySessions().enabled(), p.stickySessions().keySources(),
                p.stickySessions().prefixHashBytes(), c.server().readTimeout(),
                p.queue().prioritization() ? p.queue().priorityHeader() : "",
                c.server().ollamaFrontDoor().enabled());
        // Olla's engine caps each backend at 50 connections, which made the 51st concurrent stream wait, unseen and
        // unbounded, for one to finish (+2 s to first byte at 256 streams). How many requests a backend takes at once
        // is max_concurrent_requests's job, with a visible, bounded queue; the pool only has to be large enough.
        UpstreamLimits limits = new UpstreamLimits(p.engine(), p.responseTimeout().toMillis(), 256, 256);
        this.injector = Guice.createInjector(Stage.PRODUCTION, new ConfigModule(configuration),
                new ApplicationModule(metricsEnabled), new HttpOutModule(out), new HttpInModule(server, info, proxy, limits,
                c.server().rateLimits().trustProxyHeaders(), c.server().rateLimits().trustedProxyCidrs(),
                translators(c.translators().anthropic()),
                new DashboardSettings(c.dashboard().enabled(), c.dashboard().accessPolicy().allowedCidrs(),
                        c.dashboard().accessPolicy().allowedHosts(), c.dashboard().gateInternalApi())));
        if (!metricsEnabled) {
            LOG.info("request metrics are off (sluice.metrics.enabled=false): /internal/metrics reports status figures only");
        }
    }

    private static TranslatorSettings translators(AnthropicTranslatorConfig a) {
        return new TranslatorSettings(a.enabled(), a.passthroughEnabled(), a.maxMessageSize(), a.inspector().enabled(),
                Path.of(a.inspector().outputDir()), a.inspector().sessionHeader());
    }

    /** Starts everything; returns once the listener accepts connections. */
    void start() throws Exception {
        injector.getInstance(OutboundClients.class).start();
        Duration initialDelay = configuration.config().config().discovery().healthCheck().initialDelay();
        if (!initialDelay.isZero()) {
            LOG.info("waiting {} ms before the first health check (discovery.health_check.initial_delay)",
                    initialDelay.toMillis());
            TimeUnit.MILLISECONDS.sleep(initialDelay.toMillis());
        }
        HealthMonitor monitor = injector.getInstance(HealthMonitor.class);
        Duration longestProbe = configuration.endpoints().stream().map(Endpoint::checkTimeout)
                .max(Duration::compareTo).orElse(Duration.ZERO).plusSeconds(2);
        awaitQuietly(monitor.start(), longestProbe, "first health check");
        // A cold JVM can miss a tight check_timeout on its very first connection (class loading, JIT): give every
        // endpoint that failed its first probe one more try before reporting it down.
        List<java.util.concurrent.CompletableFuture<Void>> retries = injector.getInstance(Fleet.class).snapshot()
                .stream().filter(s -> !s.routable()).map(s -> monitor.checkNow(s.endpoint())).toList();
        awaitQuietly(java.util.concurrent.CompletableFuture.allOf(retries.toArray(java.util.concurrent.CompletableFuture[]::new)),
                longestProbe, "second health check");
        ModelDiscoveryService discovery = injector.getInstance(ModelDiscoveryService.class);
        awaitQuietly(discovery.refreshAll(), FIRST_DISCOVERY_WAIT, "first model discovery");
        discovery.start();
        long cleanup = configuration.config().config().server().rateLimits().cleanupInterval().toMillis();
        RateLimiter limiter = injector.getInstance(RateLimiter.class);
        injector.getInstance(ScheduledExecutorService.class).scheduleWithFixedDelay(limiter::cleanUp, cleanup, cleanup,
                TimeUnit.MILLISECONDS);
        injector.getInstance(HttpServer.class).start();
    }

    int port() {
        return injector.getInstance(HttpServer.class).port();
    }

    List<RouteRegistrar.Route> routes() {
        return injector.getInstance(HttpServer.class).routes();
    }

    Duration uptime() {
        return Duration.between(startedAt, Instant.now());
    }

    private static void awaitQuietly(java.util.concurrent.CompletableFuture<?> future, Duration limit, String what)
            throws InterruptedException {
        try {
            future.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.warn("{} did not finish within {} ms; serving anyway, it carries on in the background", what,
                    limit.toMillis());
        } catch (java.util.concurrent.ExecutionException e) {
            LOG.warn("{} failed: {}", what, e.getCause().toString());
        }
    }

    @Override
    public void close() {
        try {
            injector.getInstance(HttpServer.class).close();
        } catch (Exception e) {
            LOG.warn("listener did not stop cleanly: {}", e.toString());
        }
        injector.getInstance(HealthMonitor.class).close();
        injector.getInstance(ScheduledExecutorService.class).shutdownNow();
        injector.getInstance(OutboundClients.class).close();
    }
}
