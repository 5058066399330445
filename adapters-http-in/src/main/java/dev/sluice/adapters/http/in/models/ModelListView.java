package dev.sluice.adapters.http.in.models;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.domain.model.ModelAlias;
import dev.sluice.domain.model.ModelSource;
import dev.sluice.domain.model.ModelState;
import dev.sluice.domain.model.UnifiedModel;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Renders the unified catalogue in each client dialect {@code /olla/models?format=} offers. Every OpenAI-style
 * platform's list is the OpenAI shape, so those formats share one renderer.
 */
public final class ModelListView {

    public static final Set<String> FORMATS = Set.of("unified", "openai", "ollama", "lmstudio", "lemonade", "lmdeploy",
            "sglang", "vllm", "vllm-mlx", "llamacpp", "docker-model-runner");

    private final JsonResponses json;

    public ModelListView(JsonResponses json) {
        this.json = json;
    }

    public ObjectNode render(String format, List<UnifiedModel> models, Instant now) {
        switch (format) {
            case "unified":
                return unified(models, now);
            case "ollama":
                return ollama(models);
            case "lmstudio":
                return lmstudio(models);
            default:
                return openai(models, now);
        }
    }

    private ObjectNode unified(List<UnifiedModel> models, Instant now) {
        ObjectNode body = list();
        ArrayNode data = body.putArray("data");
        for (UnifiedModel m : models) {
            ObjectNode node = openaiEntry(m.id(), now);
            ObjectNode olla = node.putObject("olla");
            olla.put("family", m.family());
            olla.put("variant", m.variant());
            olla.put("parameter_size", m.parameterSize());
            olla.put("quantization", m.quantization());
            ArrayNode aliases = olla.putArray("aliases");
            m.aliases().stream().map(ModelAlias::name).distinct().forEach(aliases::add);
            ArrayNode availability = olla.putArray("availability");
            for (ModelSource s : m.sources()) {
                ObjectNode a = availability.addObject();
                a.put("endpoint", s.endpoint().name());
                a.put("state", s.state().wireName());
            }
            ArrayNode capabilities = olla.putArray("capabilities");
            m.capabilities().forEach(capabilities::add);
            if (m.maxContextLength() > 0) {
                olla.put("max_context_length", m.maxContextLength());
            }
            data.add(node);
        }
        return body;
    }

    private ObjectNode openai(List<UnifiedModel> models, Instant now) {
        ObjectNode body = list();
        ArrayNode data = body.putArray("data");
        models.forEach(m -> data.add(openaiEntry(m.id(), now)));
        return body;
    }

    private ObjectNode ollama(List<UnifiedModel> models) {
        ObjectNode body = json.object();
        ArrayNode list = body.putArray("models");
        for (UnifiedModel m : models) {
            // Only models an Ollama serves have a name an Ollama client can send back.
            m.aliases().stream().filter(a -> a.platform().equals("ollama")).findFirst().ifPresent(alias -> {
                ObjectNode node = list.addObject();
                node.put("name", alias.name());
                node.put("model", alias.name());
                node.put("modified_at", Formats.rfc3339(m.lastSeen()));
                node.put("size", m.diskSize());
                node.put("digest", m.digest());
                ObjectNode details = node.putObject("details");
                details.put("family", m.family());
                details.put("parameter_size", m.parameterSize());
                details.put("quantization_level", denormaliseQuantization(m.quantization()));
            });
        }
        return body;
    }

    private ObjectNode lmstudio(List<UnifiedModel> models) {
        ObjectNode body = list();
        ArrayNode data = body.putArray("data");
        for (UnifiedModel m : models) {
            ObjectNode node = data.addObject();
            node.put("id", m.id());
            node.put("object", "model");
            node.put("type", m.type());
            node.put("publisher", m.publisher());
            node.put("arch", m.family());
            node.put("quantization", denormaliseQuantization(m.quantization()));
            boolean loaded = m.sources().stream().anyMatch(s -> s.state() == ModelState.LOADED);
            node.put("state", loaded ? "loaded" : "not-loaded");
            if (m.maxContextLength() > 0) {
                node.put("max_context_length", m.maxContextLength());
            }
        }
        return body;
    }

    public ObjectNode detail(UnifiedModel m) {
        ObjectNode node = json.object();
        node.put("id", m.id());
        node.put("family", m.family());
        node.put("variant", m.variant());
        node.put("parameter_size", m.parameterSize());
        node.put("quantization", m.quantization());
        node.put("format", m.format());
        node.put("total_disk_size", m.diskSize());
        node.put("last_seen", Formats.rfc3339(m.lastSeen()));
        ArrayNode aliases = node.putArray("aliases");
        m.aliases().forEach(a -> aliases.addObject().put("name", a.name()).put("source", a.platform()));
        ArrayNode endpoints = node.putArray("endpoints");
        ArrayNode loaded = node.putArray("loaded_endpoints");
        for (ModelSource s : m.sources()) {
            endpoints.add(s.endpoint().name());
            if (s.state() == ModelState.LOADED) {
                loaded.add(s.endpoint().name());
            }
        }
        ArrayNode capabilities = node.putArray("capabilities");
        m.capabilities().forEach(capabilities::add);
        node.put("parameter_count", m.parameterCount());
        node.put("max_context_length", m.maxContextLength());
        return node;
    }

    /**
     * Appends namespaced entries ({@code endpoint/model}) to an OpenAI-shaped list, each owned by its endpoint, so
     * a client can pick one provider's copy of a name several providers serve.
     */
    public void addNamespaced(ObjectNode openAiList, List<dev.sluice.domain.model.ModelNamespace.Listing> listings,
                              Instant now) {
        ArrayNode data = openAiList.withArray("data");
        java.util.Map<String, ObjectNode> listed = new java.util.HashMap<>();
        data.forEach(entry -> listed.put(entry.path("id").asText().toLowerCase(Locale.ROOT), (ObjectNode) entry));
        for (var listing : listings) {
            String owner = listing.source().endpoint().name();
            ObjectNode same = listed.get(listing.name().toLowerCase(Locale.ROOT));
            if (same != null) {
                // A real name spelt the same (OpenRouter's "openai/gpt-4o") is listed once, owned by the endpoint
                // the namespace sends it to.
                same.put("owned_by", owner);
                continue;
            }
            ObjectNode entry = openaiEntry(listing.name(), now).put("owned_by", owner);
            listed.put(listing.name().toLowerCase(Locale.ROOT), entry);
            data.add(entry);
        }
    }

    private ObjectNode list() {
        ObjectNode body = json.object();
        body.put("object", "list");
        return body;
    }

    private ObjectNode openaiEntry(String id, Instant now) {
        ObjectNode node = json.object();
        node.put("id", id);
        node.put("object", "model");
        node.put("created", now.getEpochSecond());
        node.put("owned_by", "olla");
        return node;
    }

    /** {@code q4km} back to {@code Q4_K_M}, the spelling Ollama and LM Studio clients show. */
    static String denormaliseQuantization(String normalised) {
        if (normalised.isEmpty()) {
            return "";
        }
        String upper = normalised.toUpperCase(Locale.ROOT);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(I?Q\\d)([A-Z]+)$").matcher(upper);
        if (m.matches()) {
            return m.group(1) + "_" + String.join("_", m.group(2).split(""));
        }
        return upper;
    }
}
