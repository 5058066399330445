package dev.sluice.simulator;

import java.util.EnumMap;
import java.util.Map;

/**
 * What the discovery path answers under each discovery {@link Fault}. Each body imitates something seen in
 * the wild: a half-written response, a login portal, a moved route, a runaway list.
 */
final class DiscoveryFaultRoutes {

    /** Claims JSON, starts like JSON, then is not JSON: the parser must fail rather than guess. */
    private static final String GARBAGE = "{\"models\": [\u0000\u0001garbage <<not json>> ]]}}";

    private static final String HTML = "<!DOCTYPE html>\n<html>\n<head><title>Sign in to continue</title></head>\n"
            + "<body>\n<h1>Network login required</h1>\n<form method=\"post\" action=\"/login\">"
            + "<input name=\"user\"><input name=\"password\" type=\"password\"></form>\n</body>\n</html>\n";

    private final Map<Fault, Route> routes = new EnumMap<>(Fault.class);

    DiscoveryFaultRoutes(String listField) {
        routes.put(Fault.GARBAGE_DISCOVERY, exchange -> exchange.text(200, exchange.stack().jsonContentType(), GARBAGE));
        routes.put(Fault.HTML_DISCOVERY, exchange -> exchange.text(200, "text/html; charset=utf-8", HTML));
        routes.put(Fault.NOT_FOUND_DISCOVERY, exchange -> exchange.stack().routeGone(exchange));
        routes.put(Fault.HUGE_DISCOVERY, new HugeDiscoveryRoute(listField));
    }

    Route forFault(Fault fault) {
        Route route = routes.get(fault);
        if (route == null) {
            throw new IllegalArgumentException(fault + " is not a discovery fault");
        }
        return route;
    }
}
