package dev.sluice.adapters.http.in.providers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.adapters.http.in.models.Formats;
import dev.sluice.adapters.http.in.models.JsonResponses;
import dev.sluice.application.port.in.ReportFleetStatus;
import dev.sluice.domain.endpoint.EndpointSnapshot;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code /api/providers[/{name}[/stats]]} and {@code /health[/detailed|/providers[/{name}]]}: thin, each path asks
 * its view. A provider is a configured endpoint, found by its name (ignoring case when no exact match).
 */
final class ProvidersServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient ReportFleetStatus fleet;
    private final transient ProviderView providers;
    private final transient HealthView health;
    private final transient JsonResponses json;
    private final transient Clock clock;
    private final String routingStrategy;
    private final String fallbackStrategy;

    ProvidersServlet(ReportFleetStatus fleet, ProviderView providers, HealthView health, JsonResponses json,
                     Clock clock, String routingStrategy, String fallbackStrategy) {
        this.fleet = fleet;
        this.providers = providers;
        this.health = health;
        this.json = json;
        this.clock = clock;
        this.routingStrategy = routingStrategy;
        this.fallbackStrategy = fallbackStrategy;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String servletPath = request.getServletPath();
        // Decoded, so a provider name with a space or a slash-free escape still matches.
        String rest = Optional.ofNullable(request.getPathInfo()).orElse("/");
        String[] parts = rest.replaceAll("^/+|/+$", "").split("/", -1);
        List<String> path = parts.length == 1 && parts[0].isEmpty() ? List.of() : List.of(parts);
        List<EndpointSnapshot> snapshots = fleet.endpoints();
        Instant now = clock.instant();
        if (servletPath.equals("/api/providers")) {
            providers(response, path, snapshots, now);
        } else {
            health(response, path, snapshots, now);
        }
    }

    private void providers(HttpServletResponse response, List<String> path, List<EndpointSnapshot> snapshots,
                           Instant now) throws IOException {
        if (path.isEmpty()) {
            ObjectNode body = json.object();
            ObjectNode each = body.putObject("providers");
            snapshots.forEach(s -> each.set(s.endpoint().name(), providers.provider(s, now)));
            body.put("routing_strategy", routingStrategy);
            body.put("fallback_strategy", fallbackStrategy);
            body.put("load_balancing_enabled", !routingStrategy.equals("priority"));
            body.put("timestamp", Formats.rfc3339(now));
            json.write(response, 200, body);
            return;
        }
        if (path.size() > 2 || path.size() == 2 && !path.get(1).equals("stats")) {
            json.error(response, 404, "not_found", "no such route: /api/providers/" + String.join("/", path));
            return;
        }
        Optional<EndpointSnapshot> one = find(snapshots, path.get(0));
        if (one.isEmpty()) {
            unknown(response, path.get(0), snapshots);
            return;
        }
        json.write(response, 200, path.size() == 2 ? providers.stats(one.get(), now) : providers.provider(one.get(), now));
    }

    private void health(HttpServletResponse response, List<String> path, List<EndpointSnapshot> snapshots,
                        Instant now) throws IOException {
        if (path.isEmpty()) {
            json.write(response, HealthView.Verdict.of(snapshots).status, health.summary(snapshots, now));
            return;
        }
        if (path.size() == 1 && path.get(0).equals("detailed")) {
            json.write(response, 200, health.detailed(snapshots, now));
            return;
        }
        if (path.get(0).equals("providers") && path.size() <= 2) {
            if (path.size() == 1) {
                ObjectNode body = json.object();
                snapshots.forEach(s -> body.set(s.endpoint().name(), providers.health(s, now)));
                json.write(response, 200, body);
                return;
            }
            Optional<EndpointSnapshot> one = find(snapshots, path.get(1));
            if (one.isEmpty()) {
                unknown(response, path.get(1), snapshots);
                return;
            }
            json.write(response, 200, providers.health(one.get(), now));
            return;
        }
        json.error(response, 404, "not_found", "no such route: /health/" + String.join("/", path));
    }

    private static Optional<EndpointSnapshot> find(List<EndpointSnapshot> snapshots, String name) {
        Optional<EndpointSnapshot> exact = snapshots.stream().filter(s -> s.endpoint().name().equals(name)).findFirst();
        return exact.isPresent() ? exact
                : snapshots.stream().filter(s -> s.endpoint().name().equalsIgnoreCase(name)).findFirst();
    }

    private void unknown(HttpServletResponse response, String name, List<EndpointSnapshot> snapshots)
            throws IOException {
        json.error(response, 404, "not_found", "no provider named \"" + name + "\"; configured: "
                + String.join(", ", snapshots.stream().map(s -> s.endpoint().name()).toList()));
    }

    @Override
    protected void doHead(HttpServletRequest request, HttpServletResponse response) throws IOException {
        doGet(request, response);
    }
}
