package dev.sluice.simulator;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one Jetty handler of a backend. It records the request, lets the web stack add its headers, applies the
 * test-controlled overrides (slow or failing health, discovery faults, chat faults and error bursts) and then
 * dispatches to the platform's route table. Routing policy lives here once, so platforms only describe endpoints.
 */
final class SimulatorHandler extends Handler.Abstract {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatorHandler.class);

    private final ServerContext context;
    private final RouteTable routes;
    private final Supplier<BackendSettings> settings;
    private final RequestLog log;
    private final DiscoveryFaultRoutes faults;

    SimulatorHandler(ServerContext context, Supplier<BackendSettings> settings, RequestLog log) {
        this.context = context;
        this.routes = context.platform().routes();
        this.settings = settings;
        this.log = log;
        this.faults = new DiscoveryFaultRoutes(context.platform().discoveryListField());
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Exchange exchange = new Exchange(request, response, callback, settings.get(), context);
        // Record first, so even requests answered by a fault or a 404 show up in a test's assertions.
        log.record(new RecordedRequest(exchange.method(), exchange.path(), headersOf(request)));
        exchange.stack().decorate(exchange);
        if (isHealthProbe(exchange) && exchange.settings().fault() == Fault.SLOW_HEALTH) {
            // Delay on the scheduler rather than a sleeping server thread, so a test can hold many slow probes.
            long delayMillis = exchange.settings().healthDelay().toMillis();
            exchange.scheduler().schedule(() -> dispatchLater(exchange), delayMillis, TimeUnit.MILLISECONDS);
            return true;
        }
        dispatch(exchange);
        return true;
    }

    private void dispatchLater(Exchange exchange) {
        try {
            dispatch(exchange);
        } catch (Exception e) {
            LOG.debug("delayed {} {} failed", exchange.method(), exchange.path(), e);
            exchange.callback().failed(e);
        }
    }

    private void dispatch(Exchange exchange) throws Exception {
        if (context.platform().intercept(exchange)) {
            return;
        }
        BackendSettings current = exchange.settings();
        // Health wins where a platform shares one path for health and discovery (LM Studio's /v1/models, DMR):
        // a prober cannot be told apart from a discoverer, and the real server would fail both alike.
        if (isHealthProbe(exchange) && current.healthStatus() != 200) {
            exchange.stack().unhealthy(exchange, current.healthStatus());
            return;
        }
        if (exchange.path().equals(context.kind().discoveryPath()) && current.fault().affectsDiscovery()) {
            faults.forFault(current.fault()).handle(exchange);
            return;
        }
        Optional<Route> route = routes.find(exchange.method(), exchange.path());
        if (route.isPresent() && ChatPaths.generates(exchange.method(), exchange.path())) {
            generate(exchange, route.get());
        } else if (route.isPresent()) {
            route.get().handle(exchange);
        } else if (routes.knowsPath(exchange.path())) {
            exchange.stack().methodNotAllowed(exchange);
        } else {
            exchange.stack().notFound(exchange);
        }
    }

    // An error burst goes first: a shedding server answers before it would even start to generate.
    static void generate(Exchange exchange, Route chat) throws Exception {
        BackendSettings current = exchange.settings();
        if (current.errorBurst().take()) {
            current.errorBurst().answer(exchange);
            return;
        }
        current.chatFault().around(chat).handle(exchange);
    }

    /** Probes use GET; HEAD counts too because some checkers send it to avoid downloading a model list. */
    private boolean isHealthProbe(Exchange exchange) {
        String method = exchange.method();
        return exchange.path().equals(context.kind().healthPath()) && (method.equals("GET") || method.equals("HEAD"));
    }

    private static Map<String, List<String>> headersOf(Request request) {
        return request.getHeaders().stream().collect(Collectors.groupingBy(
                field -> field.getName().toLowerCase(Locale.ROOT),
                Collectors.mapping(HttpField::getValue, Collectors.toList())));
    }
}
