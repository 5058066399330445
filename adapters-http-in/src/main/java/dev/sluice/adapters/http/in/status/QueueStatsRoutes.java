package dev.sluice.adapters.http.in.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.adapters.http.in.models.JsonResponses;
import dev.sluice.adapters.http.in.server.RouteRegistrar;
import dev.sluice.application.port.in.ReportQueue;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;

/** {@code /internal/stats/queue}: how many requests wait for a busy endpoint, and how waiting has ended. */
public final class QueueStatsRoutes implements RouteRegistrar {

    private static final String PATH = "/internal/stats/queue";

    private final ReportQueue queue;
    private final JsonResponses json;
    private final ObjectMapper mapper;

    public QueueStatsRoutes(ReportQueue queue, ObjectMapper mapper) {
        this.queue = queue;
        this.mapper = mapper;
        this.json = new JsonResponses(mapper);
    }

    @Override
    public void register(ServletContextHandler context) {
        context.addServlet(new ServletHolder("queue-stats", new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                json.write(response, 200, body());
            }
        }), PATH);
    }

    private ObjectNode body() {
        ReportQueue.Stats s = queue.stats();
        ObjectNode body = mapper.createObjectNode();
        body.put("enabled", s.capacity() > 0);
        body.put("waiting", s.waiting());
        body.put("capacity", s.capacity());
        body.put("timeout_ms", s.timeoutMillis());
        body.put("admitted_after_wait", s.admitted());
        body.put("refused_full", s.refusedFull());
        body.put("timed_out", s.timedOut());
        return body;
    }

    @Override
    public List<Route> routes() {
        return List.of(new Route(PATH, "GET", "request queue figures"));
    }
}
