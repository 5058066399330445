package dev.sluice.adapters.http.in.status;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.adapters.http.in.models.JsonResponses;
import dev.sluice.adapters.http.in.server.RouteRegistrar;
import dev.sluice.application.port.in.ReportTranslators;
import dev.sluice.application.port.in.ReportTranslators.Translator;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;

/** {@code GET /internal/stats/translators}, in Olla's shape (reference §2.8). */
public final class TranslatorStatsRoutes extends HttpServlet implements RouteRegistrar {

    private static final long serialVersionUID = 1L;
    private static final String PATH = "/internal/stats/translators";

    private final transient ReportTranslators translators;
    private final transient JsonResponses json;
    private final transient Clock clock;

    public TranslatorStatsRoutes(ReportTranslators translators, JsonResponses json, Clock clock) {
        this.translators = translators;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void register(ServletContextHandler context) {
        context.addServlet(new ServletHolder("translator-stats", this), PATH);
    }

    @Override
    public List<Route> routes() {
        return List.of(new Route(PATH, "GET", "per-translator request figures"));
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<Translator> all = translators.translators();
        ObjectNode body = json.object().put("timestamp", clock.instant().toString());
        ArrayNode list = body.putArray("translators");
        long total = 0;
        long successful = 0;
        long passthrough = 0;
        long translated = 0;
        long streaming = 0;
        long nonStreaming = 0;
        for (Translator t : all) {
            list.addObject().put("translator_name", t.name()).put("total_requests", t.totalRequests())
                    .put("successful_requests", t.successfulRequests()).put("failed_requests", t.failedRequests())
                    .put("success_rate", percent(t.successfulRequests(), t.totalRequests()))
                    .put("passthrough_rate", percent(t.passthroughRequests(), t.totalRequests()))
                    .put("passthrough_requests", t.passthroughRequests())
                    .put("translation_requests", t.translationRequests())
                    .put("streaming_requests", t.streamingRequests())
                    .put("non_streaming_requests", t.nonStreamingRequests())
                    .put("fallback_no_compatible_endpoints", t.fallbackNoCompatibleEndpoints())
                    .put("fallback_translator_does_not_support_passthrough", t.fallbackPassthroughDisabled())
                    .put("fallback_cannot_passthrough", t.fallbackCannotPassthrough())
                    .put("average_latency", t.averageLatency().toMillis() + "ms");
            total += t.totalRequests();
            successful += t.successfulRequests();
            passthrough += t.passthroughRequests();
            translated += t.translationRequests();
            streaming += t.streamingRequests();
            nonStreaming += t.nonStreamingRequests();
        }
        body.putObject("summary").put("total_translators", all.size())
                .put("active_translators", all.stream().filter(t -> t.totalRequests() > 0).count())
                .put("total_requests", total).put("overall_success_rate", percent(successful, total))
                .put("total_passthrough", passthrough).put("total_translations", translated)
                .put("overall_passthrough_rate", percent(passthrough, total)).put("total_streaming", streaming)
                .put("total_non_streaming", nonStreaming);
        json.write(response, 200, body);
    }

    private static double percent(long part, long whole) {
        return whole == 0 ? 0 : Math.round(part * 10000.0 / whole) / 100.0;
    }
}
