package dev.sluice.adapters.http.in.metrics;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.adapters.http.in.models.JsonResponses;

/** {@code /internal/stats/timeline}: requests, errors and mean time to first byte per slot, for charts. */
final class TimelineView {

    private final RequestRegistry registry;
    private final JsonResponses json;

    TimelineView(RequestRegistry registry, JsonResponses json) {
        this.registry = registry;
        this.json = json;
    }

    ObjectNode render() {
        ObjectNode body = json.object();
        body.put("slot_seconds", Timeline.SLOT_MILLIS / 1000);
        ArrayNode points = body.putArray("points");
        for (Timeline.Point p : registry.timeline()) {
            ObjectNode point = points.addObject();
            point.put("t", p.startMillis());
            point.put("requests", p.requests());
            point.put("errors", p.errors());
            point.put("ttfb_ms", Math.round(p.meanFirstByteMillis() * 10) / 10.0);
        }
        return body;
    }
}
