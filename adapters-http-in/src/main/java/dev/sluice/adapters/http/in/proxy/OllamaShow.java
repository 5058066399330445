package dev.sluice.adapters.http.in.proxy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.adapters.http.in.models.Formats;
import dev.sluice.adapters.http.in.models.JsonResponses;
import dev.sluice.application.port.in.ListModels;
import dev.sluice.application.port.in.ReportFleetStatus;
import dev.sluice.domain.endpoint.EndpointSnapshot;
import dev.sluice.domain.model.ModelSource;
import dev.sluice.domain.model.UnifiedModel;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code /api/show} for a model no Ollama serves: what the catalogue knows, in Ollama's shape (details, context
 * length, capabilities), so a client that inspects a model before chatting (many check {@code capabilities} for
 * {@code tools}) works with hosted and OpenAI-only models too. Modelfile and template are empty: the model's
 * prompt template lives on its server, which does not expose it.
 */
final class OllamaShow {

    private final ListModels models;
    private final ReportFleetStatus fleet;
    private final JsonResponses json;

    OllamaShow(ListModels models, ReportFleetStatus fleet, JsonResponses json) {
        this.models = models;
        this.fleet = fleet;
        this.json = json;
    }

    /** Whether a routable Ollama serves the model, so that it can describe the model itself. */
    boolean servedByOllama(String model) {
        Set<String> serving = models.catalog().endpointsServing(model);
        return fleet.endpoints().stream().filter(EndpointSnapshot::routable)
                .anyMatch(s -> serving.contains(s.endpoint().id()) && s.endpoint().profile().name().equals("ollama"));
    }

    void answer(String model, HttpServletResponse response) {
        Optional<UnifiedModel> found = find(model);
        try {
            if (found.isEmpty()) {
                json.write(response, 404, json.object().put("error", "model '" + model + "' not found"));
                return;
            }
            UnifiedModel m = found.get();
            ObjectNode body = json.object();
            body.put("modelfile", "");
            body.put("parameters", "");
            body.put("template", "");
            ObjectNode details = body.putObject("details");
            details.put("parent_model", "");
            details.put("format", m.format());
            details.put("family", m.family());
            details.putArray("families").add(m.family());
            details.put("parameter_size", m.parameterSize());
            details.put("quantization_level", m.quantization());
            ObjectNode info = body.putObject("model_info");
            info.put("general.architecture", m.family());
            if (m.parameterCount() > 0) {
                info.put("general.parameter_count", m.parameterCount());
            }
            if (m.maxContextLength() > 0) {
                info.put(m.family() + ".context_length", m.maxContextLength());
            }
            ArrayNode capabilities = body.putArray("capabilities");
            capabilities.add("completion");
            m.capabilities().stream().filter(c -> !c.equals("completion")).forEach(capabilities::add);
            body.put("modified_at", Formats.rfc3339(m.lastSeen()));
            json.write(response, 200, body);
        } catch (IOException e) {
            // The client left; nothing to tell it.
        }
    }

    private Optional<UnifiedModel> find(String model) {
        Set<String> routable = fleet.endpoints().stream().filter(EndpointSnapshot::routable)
                .map(s -> s.endpoint().id()).collect(Collectors.toSet());
        Set<String> serving = models.catalog().endpointsServing(model);
        return models.catalog().models().stream()
                .filter(m -> m.sources().stream().map(ModelSource::endpoint)
                        .anyMatch(e -> routable.contains(e.id()) && serving.contains(e.id())))
                .filter(m -> m.id().equalsIgnoreCase(model) || m.sources().stream()
                        .anyMatch(s -> s.nativeName().equalsIgnoreCase(model))
                        || m.aliases().stream().anyMatch(a -> a.name().equalsIgnoreCase(model)))
                .findFirst();
    }
}
