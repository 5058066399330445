package dev.sluice.adapters.http.in.dashboard;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code dashboard.gate_internal_api: true}: the status, stats and metrics routes answer only callers the
 * dashboard's access policy admits; others get a JSON 403. {@code /internal/health} and {@code /health} stay open
 * for liveness and readiness probes.
 */
final class InternalApiGate implements Filter {

    private final AccessPolicy policy;

    InternalApiGate(AccessPolicy policy) {
        this.policy = policy;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        String uri = http.getRequestURI();
        // Liveness and readiness probes come from wherever the orchestrator runs: both stay open.
        if (uri.equals("/internal/health") || uri.equals("/health") || policy.allows(http.getRemoteAddr(), http.getHeader("Host"))) {
            chain.doFilter(request, response);
            return;
        }
        HttpServletResponse out = (HttpServletResponse) response;
        byte[] body = ("{\"error\":{\"message\":\"the internal API is not available to this address "
                + "(dashboard.gate_internal_api)\",\"type\":\"forbidden\",\"code\":403}}").getBytes(StandardCharsets.UTF_8);
        out.setStatus(403);
        out.setContentType("application/json");
        out.setContentLength(body.length);
        out.getOutputStream().write(body);
    }
}
