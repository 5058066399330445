package dev.sluice.adapters.http.in.dashboard;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * {@code /internal/ui/}: the dashboard's three files, served from the jar. The page itself reads the public
 * status and stats routes, so this servlet only guards and serves static bytes.
 */
final class DashboardServlet extends HttpServlet {

    private static final Map<String, String> FILES = Map.of(
            "/", "index.html",
            "/index.html", "index.html",
            "/dashboard.css", "dashboard.css",
            "/dashboard.js", "dashboard.js");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8");

    private final transient AccessPolicy policy;

    DashboardServlet(AccessPolicy policy) {
        this.policy = policy;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!policy.allows(request.getRemoteAddr(), request.getHeader("Host"))) {
            send(response, 403, "text/plain; charset=utf-8",
                    "the dashboard is not available to this address (dashboard.access_policy)\n"
                            .getBytes(StandardCharsets.UTF_8));
            return;
        }
        String path = request.getPathInfo();
        if (path == null) {
            response.sendRedirect(request.getRequestURI() + "/");
            return;
        }
        String file = FILES.get(path);
        if (file == null) {
            send(response, 404, "text/plain; charset=utf-8", "not found\n".getBytes(StandardCharsets.UTF_8));
            return;
        }
        try (InputStream in = DashboardServlet.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IOException("dashboard resource missing from the jar: " + file);
            }
            response.setHeader("Cache-Control", "no-cache");
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("Content-Security-Policy", "default-src 'self'; style-src 'self'; script-src 'self'");
            send(response, 200, TYPES.get(file.substring(file.lastIndexOf('.') + 1)), in.readAllBytes());
        }
    }

    private static void send(HttpServletResponse response, int status, String type, byte[] body) throws IOException {
        response.setStatus(status);
        response.setContentType(type);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
