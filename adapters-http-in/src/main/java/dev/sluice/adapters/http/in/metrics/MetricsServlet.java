package dev.sluice.adapters.http.in.metrics;

import dev.sluice.adapters.http.in.models.JsonResponses;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.dropwizard.DropwizardExports;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /internal/metrics} (Prometheus text, written by the Prometheus library), {@code /internal/stats/models},
 * {@code /internal/stats/timeline} and {@code /internal/process}: thin, each path asks its view.
 */
final class MetricsServlet extends HttpServlet {

    private final transient PrometheusFamilies families;
    private final transient DropwizardExports jvm;
    private final transient ModelStatsView modelStats;
    private final transient ProcessView process;
    private final transient TimelineView timeline;
    private final transient JsonResponses json;
    private final transient PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

    MetricsServlet(PrometheusFamilies families, RequestRegistry registry, ModelStatsView modelStats,
                   ProcessView process, TimelineView timeline, JsonResponses json) {
        this.families = families;
        // The JVM's gauges go through the library's own dropwizard bridge; request series carry labels, so
        // PrometheusFamilies builds those.
        this.jvm = new DropwizardExports(registry.registry(), (name, metric) -> name.startsWith("jvm."));
        this.modelStats = modelStats;
        this.process = process;
        this.timeline = timeline;
        this.json = json;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        switch (request.getRequestURI()) {
            case "/internal/metrics":
                List<MetricSnapshot> all = new ArrayList<>(families.collect(MetricNaming.of(request.getParameter("names"))));
                jvm.collect().forEach(all::add);
                response.setStatus(200);
                response.setContentType(writer.getContentType());
                response.setHeader("Cache-Control", "no-store");
                writer.write(response.getOutputStream(), new MetricSnapshots(all));
                break;
            case "/internal/stats/models":
                json.write(response, 200, modelStats.render());
                break;
            case "/internal/stats/timeline":
                json.write(response, 200, timeline.render());
                break;
            case "/internal/process":
                json.write(response, 200, process.render());
                break;
            default:
                json.error(response, 404, "not_found", "no such route: " + request.getRequestURI());
        }
    }
}
