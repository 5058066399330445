package dev.sluice.adapters.http.in.metrics;

import com.codahale.metrics.MetricRegistry;
import dev.sluice.application.port.in.ListModels;
import dev.sluice.application.port.in.ReportEndpointUsage;
import dev.sluice.application.port.out.RequestMetrics;
import dev.sluice.domain.endpoint.Endpoint;
import dev.sluice.domain.metrics.CompletedRequest;
import dev.sluice.domain.model.ModelNamespace;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The one metrics registry: dropwizard's, holding request figures for the proxy, per endpoint, per model and
 * per model on an endpoint, plus the JVM's. Fed once per finished request without locks; the only allocation
 * is a new series' first appearance. Label values are bounded: endpoints are the configured ones, and a model
 * becomes a series only when the catalogue knows it (anything else is counted under {@value #OTHER_MODEL}), so a
 * client cannot create series by inventing names.
 */
public final class RequestRegistry implements RequestMetrics, ReportEndpointUsage {

    static final String OTHER_MODEL = "other";
    // A catalogue can hold thousands of models; past this many series new ones fall under "other" too.
    static final int MAX_MODEL_SERIES = 2_000;

    private final MetricRegistry registry = new MetricRegistry();
    private final Figures total;
    private final Map<String, Figures> byEndpoint;
    private final Map<String, Figures> byModel = new ConcurrentHashMap<>();
    // Model -> endpoint id -> series; nested so the hot path builds no composite key.
    private final Map<String, Map<String, Figures>> byModelEndpoint = new ConcurrentHashMap<>();
    private final Timeline timeline = new Timeline();
    private final Supplier<ListModels> models;
    private final Clock clock;
    private final List<Endpoint> endpoints;

    public RequestRegistry(List<Endpoint> endpoints, Supplier<ListModels> models, Clock clock) {
        this.endpoints = List.copyOf(endpoints);
        this.models = models;
        this.clock = clock;
        this.total = new Figures(registry, "sluice.requests");
        this.byEndpoint = endpoints.stream().collect(Collectors.toUnmodifiableMap(Endpoint::id,
                e -> new Figures(registry, MetricRegistry.name("sluice.endpoint", e.name())), (a, b) -> a));
        JvmMetrics.register(registry);
    }

    @Override
    public void record(CompletedRequest request) {
        long now = clock.millis();
        total.record(request, now);
        Endpoint endpoint = request.endpoint().orElse(null);
        long firstByte = request.timeToFirstByte().isPresent() ? request.timeToFirstByte().get().toMillis() : -1;
        timeline.record(now, !request.success() && endpoint != null || request.status() >= 500, firstByte);
        Figures onEndpoint = endpoint == null ? null : byEndpoint.get(endpoint.id());
        if (onEndpoint != null) {
            onEndpoint.record(request, now);
        }
        if (request.model().isEmpty()) {
            return;
        }
        // Lookups first, creation only on a miss: the steady state allocates no lambdas or keys.
        String model = modelLabel(request.model().get());
        Figures figures = byModel.get(model);
        if (figures == null) {
            figures = byModel.computeIfAbsent(model, m -> new Figures(registry, MetricRegistry.name("sluice.model", m)));
        }
        figures.record(request, now);
        if (request.routing().isPresent()) {
            figures.routed(request.routing().get().outcome());
        }
        if (onEndpoint != null) {
            perEndpoint(model, endpoint).record(request, now);
        }
    }

    private Figures perEndpoint(String model, Endpoint endpoint) {
        Map<String, Figures> series = byModelEndpoint.get(model);
        if (series == null) {
            series = byModelEndpoint.computeIfAbsent(model, m -> new ConcurrentHashMap<>());
        }
        Figures figures = series.get(endpoint.id());
        if (figures == null) {
            figures = series.computeIfAbsent(endpoint.id(), id -> new Figures(registry,
                    MetricRegistry.name("sluice.model_endpoint", model, endpoint.name())));
        }
        return figures;
    }

    // A name the catalogue knows is its own label; anything else, and anything past the cap, is "other".
    private String modelLabel(String model) {
        if (byModel.containsKey(model)) {
            return model;
        }
        if (byModel.size() < MAX_MODEL_SERIES && models.get().catalog().find(model).isPresent()) {
            return model;
        }
        // "openai/gpt-4o" is gpt-4o asked of one provider: it counts under gpt-4o.
        if (model.indexOf('/') > 0) {
            var catalog = models.get().catalog();
            String bare = ModelNamespace.resolve(model, catalog, endpoints).map(pin -> pin.namespace().model())
                    .orElse(null);
            if (bare != null && (byModel.containsKey(bare)
                    || byModel.size() < MAX_MODEL_SERIES && catalog.find(bare).isPresent())) {
                return bare;
            }
        }
        return OTHER_MODEL;
    }

    @Override
    public Usage of(Endpoint endpoint) {
        Figures f = byEndpoint.get(endpoint.id());
        if (f == null) {
            return Usage.EMPTY;
        }
        Map<String, ModelUsage> models = new java.util.TreeMap<>();
        byModelEndpoint.forEach((model, perEndpoint) -> {
            Figures m = perEndpoint.get(endpoint.id());
            if (m != null) {
                models.put(model, new ModelUsage(m.requests.getCount(), m.successes.getCount(), m.failures.getCount(),
                        m.meanLatencyMillis(), m.inputTokens.getCount(), m.outputTokens.getCount()));
            }
        });
        return new Usage(f.requests.getCount(), f.successes.getCount(), f.failures.getCount(), latency(f.latency),
                latency(f.firstByte), f.inputTokens.getCount(), f.outputTokens.getCount(), models);
    }

    private static Latency latency(com.codahale.metrics.Timer timer) {
        if (timer.getCount() == 0) {
            return Latency.NONE;
        }
        com.codahale.metrics.Snapshot s = timer.getSnapshot();
        double ms = 1_000_000.0;
        return new Latency(timer.getCount(), s.getMean() / ms, s.getMedian() / ms, s.get95thPercentile() / ms,
                s.get99thPercentile() / ms);
    }

    /** The dropwizard registry itself, for reporters and the Prometheus bridge. */
    public MetricRegistry registry() {
        return registry;
    }

    Figures total() {
        return total;
    }

    List<Endpoint> endpoints() {
        return endpoints;
    }

    Optional<Figures> endpoint(Endpoint endpoint) {
        return Optional.ofNullable(byEndpoint.get(endpoint.id()));
    }

    Map<String, Figures> models() {
        return byModel;
    }

    /** Model × endpoint series keyed by model, then endpoint name. */
    Map<String, Map<String, Figures>> modelEndpoints() {
        Map<String, String> names = endpoints.stream().collect(Collectors.toMap(Endpoint::id, Endpoint::name, (a, b) -> a));
        Map<String, Map<String, Figures>> out = new java.util.TreeMap<>();
        byModelEndpoint.forEach((model, perEndpoint) -> perEndpoint.forEach((id, figures) ->
                out.computeIfAbsent(model, k -> new java.util.TreeMap<>()).put(names.getOrDefault(id, id), figures)));
        return out;
    }

    List<Timeline.Point> timeline() {
        return timeline.points(clock.millis());
    }
}
