package dev.sluice.adapters.http.in;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.ProvidesIntoMap;
import com.google.inject.multibindings.StringMapKey;
import dev.sluice.domain.endpoint.EndpointSnapshot;
import dev.sluice.adapters.http.in.server.HttpServer;
import dev.sluice.adapters.http.in.server.HttpServerSettings;
import dev.sluice.adapters.http.in.status.ServerInfo;
import dev.sluice.adapters.http.in.status.StatusRoutes;
import dev.sluice.adapters.http.in.proxy.OllaEngine;
import dev.sluice.adapters.http.in.proxy.ProxyRoutes;
import dev.sluice.adapters.http.in.proxy.SherpaEngine;
import dev.sluice.adapters.http.in.proxy.UpstreamEngine;
import dev.sluice.adapters.http.in.proxy.ProxySettings;
import dev.sluice.adapters.http.in.proxy.UpstreamLimits;
import dev.sluice.adapters.http.in.limits.ClientAddress;
import dev.sluice.adapters.http.in.limits.RateLimitHandler;
import dev.sluice.application.port.in.AdmitClient;
import dev.sluice.application.port.in.ListModels;
import dev.sluice.application.port.in.ReportFleetStatus;
import dev.sluice.application.port.in.ReportGuards;
import dev.sluice.application.port.in.ReportStickySessions;
import dev.sluice.application.port.in.ReportTraffic;
import dev.sluice.application.port.in.ResolveRoute;
import dev.sluice.application.port.in.RouteInferenceRequest;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The inbound adapter's entry point: the Jetty server and its routes. Starts nothing; bootstrap starts the
 * {@link HttpServer} once the fleet has been checked.
 */
public final class HttpInModule extends AbstractModule {

    private final HttpServerSettings settings;
    private final ServerInfo info;
    private final ProxySettings proxy;
    private final UpstreamLimits upstream;

    private final boolean trustProxyHeaders;
    private final List<String> trustedProxyCidrs;

    /**
     * @param trustProxyHeaders whether forwarding headers name the client when the peer is a trusted proxy
     */
    public HttpInModule(HttpServerSettings settings, ServerInfo info, ProxySettings proxy, UpstreamLimits upstream,
                        boolean trustProxyHeaders, List<String> trustedProxyCidrs) {
        this.trustProxyHeaders = trustProxyHeaders;
        this.trustedProxyCidrs = List.copyOf(trustedProxyCidrs);
        this.settings = Objects.requireNonNull(settings, "settings");
        this.info = Objects.requireNonNull(info, "info");
        this.proxy = Objects.requireNonNull(proxy, "proxy");
        this.upstream = Objects.requireNonNull(upstream, "upstream");
    }

    @Provides
    @Singleton
    StatusRoutes statusRoutes(ReportFleetStatus fleet, ListModels models, ReportTraffic traffic, ReportGuards guards,
                              ReportStickySessions sticky, Clock clock) {
        return new StatusRoutes(fleet, models, traffic, guards, sticky, info, JsonMapper.builder().build(), clock);
    }

    // proxy.engine picks one of these by name.
    @ProvidesIntoMap
    @StringMapKey("sherpa")
    @Singleton
    UpstreamEngine sherpaEngine() {
        return new SherpaEngine();
    }

    @ProvidesIntoMap
    @StringMapKey("olla")
    @Singleton
    UpstreamEngine ollaEngine(ReportFleetStatus fleet) {
        return new OllaEngine(() -> fleet.endpoints().stream().map(EndpointSnapshot::endpoint).toList(),
                upstream.maxConnectionsPerEndpoint(), Math.max(4096, proxy.streamBufferSize()),
                proxy.connectTimeout().toMillis(), proxy.keepAlive().toMillis());
    }

    @Provides
    @Singleton
    ProxyRoutes proxyRoutes(ResolveRoute routes, RouteInferenceRequest router, ReportFleetStatus fleet,
                            ListModels models, Clock clock, Map<String, UpstreamEngine> engines) {
        return new ProxyRoutes(routes, router, fleet, models, proxy, JsonMapper.builder().build(), clock,
                upstream.responseTimeoutMillis(), upstream.sharedConnectionCap(), engines.get(upstream.engine()));
    }

    @Provides
    @Singleton
    HttpServer httpServer(StatusRoutes status, ProxyRoutes proxyRoutes, AdmitClient limiter) {
        return new HttpServer(settings, List.of(proxyRoutes, status),
                new RateLimitHandler(limiter, new ClientAddress(trustProxyHeaders, trustedProxyCidrs)));
    }
}
