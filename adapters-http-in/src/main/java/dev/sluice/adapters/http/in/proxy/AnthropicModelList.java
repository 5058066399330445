package dev.sluice.adapters.http.in.proxy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.adapters.http.in.models.JsonResponses;
import dev.sluice.application.port.in.ListModels;
import dev.sluice.application.port.in.ReportFleetStatus;
import dev.sluice.domain.endpoint.EndpointSnapshot;
import dev.sluice.domain.model.UnifiedModel;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code GET /olla/anthropic/v1/models} in Anthropic's list shape (reference §2.9): every model on a healthy
 * endpoint, whatever its platform, since any of them can be reached through translation.
 */
final class AnthropicModelList {

    private final ListModels models;
    private final ReportFleetStatus fleet;
    private final JsonResponses json;
    private final String createdAt;

    /** @param startedAt the proxy's start, which Olla reports as every model's creation time */
    AnthropicModelList(ListModels models, ReportFleetStatus fleet, JsonResponses json, Instant startedAt) {
        this.models = models;
        this.fleet = fleet;
        this.json = json;
        this.createdAt = startedAt.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    void answer(HttpServletResponse response) throws IOException {
        Set<String> reachable = fleet.endpoints().stream().filter(EndpointSnapshot::routable)
                .map(s -> s.endpoint().id()).collect(Collectors.toSet());
        List<String> ids = models.catalog().models().stream()
                .filter(m -> m.sources().stream().anyMatch(s -> reachable.contains(s.endpoint().id())))
                .map(UnifiedModel::id).sorted().toList();
        ObjectNode body = json.object();
        ArrayNode data = body.putArray("data");
        for (String id : ids) {
            data.addObject().put("type", "model").put("id", id).put("display_name", id).put("created_at", createdAt);
        }
        body.put("has_more", false);
        if (ids.isEmpty()) {
            body.putNull("first_id");
            body.putNull("last_id");
        } else {
            body.put("first_id", ids.get(0));
            body.put("last_id", ids.get(ids.size() - 1));
        }
        json.write(response, 200, body);
    }
}
