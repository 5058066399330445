package dev.sluice.adapters.http.in.status;

import dev.sluice.adapters.http.in.models.Formats;
import dev.sluice.adapters.http.in.models.JsonResponses;
import dev.sluice.adapters.http.in.models.ModelListView;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.application.port.in.ListModels;
import dev.sluice.domain.model.ModelCatalog;
import dev.sluice.domain.model.ModelSource;
import dev.sluice.domain.model.UnifiedModel;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Renders {@code /internal/status/models}: the catalogue grouped by family, with the newest models listed. */
final class ModelStatusView {

    private static final int RECENT = 10;

    private final ListModels models;
    private final JsonResponses json;
    private final Clock clock;

    ModelStatusView(ListModels models, JsonResponses json, Clock clock) {
        this.models = models;
        this.json = json;
        this.clock = clock;
    }

    ObjectNode render(boolean groupByFamily) {
        Instant now = clock.instant();
        ModelCatalog catalog = models.catalog();
        Map<String, List<UnifiedModel>> byFamily = new TreeMap<>(catalog.models().stream()
                .collect(Collectors.groupingBy(UnifiedModel::family)));
        ObjectNode body = json.object();
        body.put("timestamp", Formats.rfc3339(now));
        body.put("total_models", catalog.size());
        body.put("total_families", byFamily.size());
        body.put("total_endpoints", catalog.models().stream().flatMap(m -> m.sources().stream())
                .map(s -> s.endpoint().id()).distinct().count());
        ObjectNode families = body.putObject("models_by_family");
        byFamily.forEach((family, list) -> {
            ArrayNode names = families.putArray(family);
            list.forEach(m -> names.add(m.id()));
        });
        ArrayNode recent = body.putArray("recent_models");
        catalog.models().stream()
                .sorted(Comparator.comparing(UnifiedModel::lastSeen).reversed().thenComparing(UnifiedModel::id))
                .limit(RECENT)
                .forEach(m -> recent.add(summary(m, now)));
        if (groupByFamily) {
            ArrayNode groups = body.putArray("model_groups");
            byFamily.forEach((family, list) -> {
                ObjectNode group = groups.addObject();
                group.put("family", family);
                ArrayNode names = group.putArray("models");
                list.forEach(m -> names.add(m.id()));
                ArrayNode endpoints = group.putArray("endpoints");
                list.stream().flatMap(m -> m.sources().stream()).map(s -> s.endpoint().name()).distinct().sorted()
                        .forEach(endpoints::add);
                group.put("model_count", list.size());
            });
        }
        return body;
    }

    private ObjectNode summary(UnifiedModel m, Instant now) {
        ObjectNode node = json.object();
        node.put("name", m.id());
        node.put("type", m.type());
        node.put("family", m.family());
        node.put("params", m.parameterSize());
        node.put("quant", m.quantization());
        node.put("size", m.diskSize());
        node.put("last_seen", Formats.relative(m.lastSeen(), now));
        node.put("last_seen_at", Formats.rfc3339(m.lastSeen()));
        ArrayNode endpoints = node.putArray("endpoints");
        ArrayNode ids = node.putArray("endpoint_ids");
        for (ModelSource s : m.sources()) {
            endpoints.add(s.endpoint().name());
            ids.add(s.endpoint().id());
        }
        ArrayNode aliases = node.putArray("aliases");
        m.aliases().forEach(a -> aliases.add(a.name()));
        ArrayNode capabilities = node.putArray("capabilities");
        m.capabilities().forEach(capabilities::add);
        return node;
    }
}
