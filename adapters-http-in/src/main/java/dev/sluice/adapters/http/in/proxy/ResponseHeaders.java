package dev.sluice.adapters.http.in.proxy;

import dev.sluice.domain.endpoint.Endpoint;
import dev.sluice.domain.routing.RoutingDecision;
import jakarta.servlet.http.HttpServletResponse;

/** The {@code X-Olla-*} headers clients and dashboards written for Olla read, with Olla's names and meanings. */
final class ResponseHeaders {

    static final String REQUEST_ID = "X-Olla-Request-ID";

    private ResponseHeaders() {
    }

    /** Why the request went where it did, or why it went nowhere: sent on rejections too. */
    static void routing(HttpServletResponse response, RoutingDecision decision) {
        response.setHeader("X-Olla-Routing-Strategy", decision.strategy());
        response.setHeader("X-Olla-Routing-Decision", decision.outcome());
        response.setHeader("X-Olla-Routing-Reason", decision.reason());
    }

    static void model(HttpServletResponse response, ProxyExchange exchange) {
        exchange.body.model().ifPresent(model -> response.setHeader("X-Olla-Model", model));
    }

    /** Which endpoint served the request and how long its headers took, set when those headers arrive. */
    static void served(HttpServletResponse response, ProxyExchange exchange, String version) {
        Endpoint endpoint = exchange.attempt().endpoint();
        response.setHeader("X-Olla-Endpoint", endpoint.name());
        response.setHeader("X-Olla-Backend-Type", endpoint.type());
        model(response, exchange);
        response.setHeader("X-Olla-Response-Time", exchange.responseTime().toMillis() + "ms");
        response.setHeader("X-Served-By", "Sluice/" + version);
        response.addHeader("Via", "1.1 sluice/" + version);
        response.setHeader(REQUEST_ID, exchange.requestId);
    }
}
