package dev.sluice.adapters.http.in.status;

import dev.sluice.adapters.http.in.models.Formats;
import dev.sluice.adapters.http.in.models.JsonResponses;
import dev.sluice.adapters.http.in.models.ModelListView;

import dev.sluice.application.port.in.ListModels;
import dev.sluice.application.port.in.ReportFleetStatus;
import dev.sluice.domain.endpoint.EndpointSnapshot;
import dev.sluice.domain.model.UnifiedModel;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code /olla/models} (the catalogue in any dialect, filtered) and {@code /olla/models/{id}} (ids may hold '/'). */
final class ModelsServlet extends HttpServlet {

    private static final String PREFIX = "/olla/models/";

    private final transient ListModels models;
    private final transient ReportFleetStatus fleet;
    private final transient ModelListView view;
    private final transient JsonResponses json;
    private final transient Clock clock;

    ModelsServlet(ListModels models, ReportFleetStatus fleet, ModelListView view, JsonResponses json, Clock clock) {
        this.models = models;
        this.fleet = fleet;
        this.view = view;
        this.json = json;
        this.clock = clock;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI();
        if (path.startsWith(PREFIX) && path.length() > PREFIX.length()) {
            // The raw URI keeps every '/' of ids like "meta-llama/Llama-3.2-3B" (Olla cuts them at the first).
            String id = URLDecoder.decode(path.substring(PREFIX.length()), StandardCharsets.UTF_8);
            Optional<UnifiedModel> model = models.catalog().find(id);
            if (model.isEmpty()) {
                json.error(response, 404, "model_not_found", "model '" + id + "' is not in the catalogue");
                return;
            }
            json.write(response, 200, view.detail(model.get()));
            return;
        }
        list(request, response);
    }

    private void list(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String format = Optional.ofNullable(request.getParameter("format")).orElse("unified");
        if (!ModelListView.FORMATS.contains(format)) {
            json.error(response, 400, "invalid_request_error", "unsupported format '" + format
                    + "'. Supported formats: " + ModelListView.FORMATS.stream().sorted().collect(Collectors.joining(", ")));
            return;
        }
        String availableParam = request.getParameter("available");
        Optional<Boolean> available = Optional.empty();
        if (availableParam != null) {
            if (!availableParam.equals("true") && !availableParam.equals("false")) {
                json.error(response, 400, "invalid_request_error", "'available' must be true or false");
                return;
            }
            available = Optional.of(Boolean.parseBoolean(availableParam));
        }
        Optional<String> type = Optional.ofNullable(request.getParameter("type"));
        String capability = request.getParameter("capability");
        if (type.isEmpty() && capability != null) {
            type = ModelQuery.typeForCapability(capability);
            if (type.isEmpty()) {
                json.error(response, 400, "invalid_request_error", "unknown capability '" + capability
                        + "': use vision, embeddings or chat");
                return;
            }
        }
        Set<String> routable = fleet.endpoints().stream().filter(EndpointSnapshot::routable)
                .map(s -> s.endpoint().id()).collect(Collectors.toSet());
        ModelQuery query = new ModelQuery(Optional.ofNullable(request.getParameter("endpoint")),
                Optional.ofNullable(request.getParameter("family")), type, available,
                "true".equals(request.getParameter("include_unavailable")), routable);
        List<UnifiedModel> selected = models.catalog().models().stream().filter(query.asPredicate()).toList();
        json.write(response, 200, view.render(format, selected, clock.instant()));
    }

    @Override
    protected void doHead(HttpServletRequest request, HttpServletResponse response) throws IOException {
        doGet(request, response);
    }
}
