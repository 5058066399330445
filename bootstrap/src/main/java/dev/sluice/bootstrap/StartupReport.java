package dev.sluice.bootstrap;

import dev.sluice.adapters.config.Configuration;
import dev.sluice.adapters.http.in.server.RouteRegistrar;
import dev.sluice.domain.endpoint.Endpoint;
import dev.sluice.domain.endpoint.EndpointIds;
import dev.sluice.domain.profile.Profile;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an operator needs to see at startup to know the right things loaded: the config file (Olla's issue #37 was a
 * config nobody knew was ignored), overrides, profiles, rules, endpoints and the route table.
 */
final class StartupReport {

    private static final Logger LOG = LoggerFactory.getLogger(StartupReport.class);

    private StartupReport() {
    }

    static void configuration(Configuration c) {
        LOG.info("config: {}", c.config().sourceName());
        if (!c.config().envOverrides().isEmpty()) {
            LOG.info("overridden from the environment: {}", String.join(", ", c.config().envOverrides()));
        }
        c.config().deprecationNotes().forEach(LOG::warn);
        LOG.info("profiles: {}", c.profiles().catalog().all().stream().map(Profile::name).collect(Collectors.joining(", ")));
        c.profiles().customFiles().forEach(f -> LOG.info("custom profile loaded: {}", f));
        if (!c.profiles().filteredOut().isEmpty()) {
            LOG.info("profiles left out by proxy.profile_filter: {}", String.join(", ", c.profiles().filteredOut()));
        }
        c.profiles().warnings().forEach(LOG::warn);
        LOG.info("model unification rules: {}", c.rules().source());
        for (Endpoint e : c.endpoints()) {
            String checked = e.provider().assumeHealthy() ? "assumed healthy, never probed"
                    : "checked every " + e.checkInterval().toMillis() + " ms";
            LOG.info("endpoint {} -> {} (type {}, profile {}, priority {}, {})", e.name(),
                    EndpointIds.sanitise(e.url()), e.type(), e.profile().name(), e.priority(), checked);
        }
    }

    static void routes(List<RouteRegistrar.Route> routes) {
        int width = routes.stream().mapToInt(r -> r.path().length()).max().orElse(5);
        StringBuilder table = new StringBuilder("routes:");
        table.append(System.lineSeparator()).append(String.format("  %-" + width + "s | %-6s | %s", "ROUTE", "METHOD",
                "DESCRIPTION"));
        for (RouteRegistrar.Route r : routes) {
            table.append(System.lineSeparator())
                    .append(String.format("  %-" + width + "s | %-6s | %s", r.path(), r.method(), r.description()));
        }
        LOG.info(table.toString());
    }
}
