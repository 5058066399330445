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
import dev.sluice.adapters.http.in.proxy.TranslatorSettings;
import dev.sluice.adapters.http.in.models.JsonResponses;
import dev.sluice.adapters.http.in.status.TranslatorStatsRoutes;
import dev.sluice.application.port.in.ReportTranslators;
import dev.sluice.application.translation.TranslatorStats;
import dev.sluice.adapters.http.in.proxy.UpstreamLimits;
import dev.sluice.adapters.http.in.limits.ClientAddress;
import dev.sluice.adapters.http.in.limits.RateLimitHandler;
import dev.sluice.adapters.http.in.dashboard.DashboardRoutes;
import dev.sluice.adapters.http.in.dashboard.DashboardSettings;
import dev.sluice.adapters.http.in.metrics.MetricsRoutes;
import dev.sluice.adapters.http.in.metrics.RequestRegistry;
import dev.sluice.application.port.in.AdmitClient;
import dev.sluice.application.port.in.RecordRequest;
import dev.sluice.application.port.in.ReportViolations;
import dev.sluice.application.port.out.RequestMetrics;
import dev.sluice.application.port.out.RequestSigner;
import dev.sluice.domain.endpoint.Endpoint;
import dev.sluice.application.port.in.ListModels;
import dev.sluice.application.port.in.ReportFleetStatus;
import dev.sluice.application.port.in.ReportGuards;
import dev.sluice.application.port.in.ReportStickySessions;
import dev.sluice.application.port.in.ReportTraffic;
import dev.sluice.application.port.in.ResolveRoute;
import dev.sluice.application.port.in.RouteInferenceRequest;
import dev.sluice.adapters.http.in.status.QueueStatsRoutes;
import dev.sluice.application.port.in.ReportQueue;
import dev.sluice.application.port.in.ReportEndpointUsage;
import dev.sluice.application.port.in.ReportHealthHistory;
import dev.sluice.adapters.http.in.providers.ProviderRoutes;
import dev.sluice.domain.fallback.FallbackPolicy;
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

    private final TranslatorSettings translators;
    private final boolean trustProxyHeaders;
    private final List<String> trustedProxyCidrs;
    private final DashboardSettings dashboard;

    /**
     * @param trustProxyHeaders whether forwarding headers name the client when the peer is a trusted proxy
     */
    public HttpInModule(HttpServerSettings settings, ServerInfo info, ProxySettings proxy, UpstreamLimits upstream,
                        boolean trustProxyHeaders, List<String> trustedProxyCidrs, TranslatorSettings translators,
                        DashboardSettings dashboard) {
        this.translators = Objects.requireNonNull(translators, "translators");
        this.dashboard = Objects.requireNonNull(dashboard, "dashboard");
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
                              ReportStickySessions sticky, Clock clock, AdmitClient limiter,
                              ReportViolations violations) {
        return new StatusRoutes(fleet, models, traffic, guards, sticky, info, JsonMapper.builder().build(), clock,
                limiter, violations);
    }

    @Provides
    @Singleton
    RequestRegistry requestRegistry(List<Endpoint> endpoints, ListModels models, Clock clock) {
        return new RequestRegistry(endpoints, () -> models, clock);
    }

    // Provider pages read the registry's figures; while metrics are off it is never fed and reads as empty.
    @Provides
    @Singleton
    ReportEndpointUsage endpointUsage(RequestRegistry registry) {
        return registry;
    }

    @Provides
    @Singleton
    ProviderRoutes providerRoutes(ReportFleetStatus fleet, ListModels models, ReportTraffic traffic,
                                  ReportGuards guards, ReportHealthHistory history, ReportEndpointUsage usage,
                                  ReportQueue queue, FallbackPolicy fallback, Clock clock) {
        return new ProviderRoutes(fleet, models, traffic, guards, history, usage, queue, info,
                fallback.strategy().wireName(), JsonMapper.builder().build(), clock);
    }

    // Bootstrap picks one by whether metrics are on (-Dsluice.metrics.enabled).
    @ProvidesIntoMap
    @StringMapKey("on")
    @Singleton
    RequestMetrics metricsOn(RequestRegistry registry) {
        return registry;
    }

    @ProvidesIntoMap
    @StringMapKey("off")
    @Singleton
    RequestMetrics metricsOff() {
        return RequestMetrics.NONE;
    }

    @Provides
    @Singleton
    MetricsRoutes metricsRoutes(RequestRegistry registry, ReportFleetStatus fleet, ListModels models,
                                ReportTraffic traffic, AdmitClient limiter, ReportViolations violations, Clock clock,
                                ReportGuards guards, ReportHealthHistory history) {
        return new MetricsRoutes(registry, fleet, models, traffic, limiter, violations, info,
                JsonMapper.builder().build(), clock, guards, history);
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
                            ListModels models, Clock clock, Map<String, UpstreamEngine> engines,
                            TranslatorStats translatorStats, RecordRequest journal, RequestSigner signer) {
        return new ProxyRoutes(routes, router, fleet, models, proxy, JsonMapper.builder().build(), clock,
                upstream.responseTimeoutMillis(), upstream.sharedConnectionCap(), engines.get(upstream.engine()),
                translators, translatorStats, journal, signer);
    }

    @Provides
    @Singleton
    TranslatorStatsRoutes translatorStatsRoutes(ReportTranslators translators, Clock clock) {
        return new TranslatorStatsRoutes(translators, new JsonResponses(JsonMapper.builder().build()), clock);
    }

    @Provides
    @Singleton
    HttpServer httpServer(StatusRoutes status, ProxyRoutes proxyRoutes, MetricsRoutes metrics, AdmitClient limiter,
                          TranslatorStatsRoutes translatorStats, ReportQueue queue, ProviderRoutes providers) {
        return new HttpServer(settings, List.of(proxyRoutes, metrics, new DashboardRoutes(dashboard), status,
                translatorStats, new QueueStatsRoutes(queue, JsonMapper.builder().build()), providers),
                new RateLimitHandler(limiter, new ClientAddress(trustProxyHeaders, trustedProxyCidrs)));
    }
}
