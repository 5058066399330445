package dev.sluice.adapters.http.in.dialect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Ollama's embedding calls on an OpenAI {@code /v1/embeddings} back end, both ways. {@code /api/embed} takes
 * {@code input} (a string or a list) and answers {@code embeddings} (one vector per input); the older
 * {@code /api/embeddings} takes {@code prompt} and answers one {@code embedding}. Vectors are copied number for
 * number, in the order of the inputs whatever order the back end lists them in. Thread-safe.
 */
public final class OllamaEmbeddings {

    public static final String BACKEND_PATH = "/v1/embeddings";

    private final ObjectMapper json;

    public OllamaEmbeddings(ObjectMapper json) {
        this.json = json;
    }

    /**
     * The OpenAI request for an Ollama one.
     *
     * @param legacy true for {@code /api/embeddings} ({@code prompt}), false for {@code /api/embed} ({@code input})
     * @param model  the model as the endpoint knows it
     */
    public byte[] request(byte[] body, boolean legacy, String model) throws InvalidRequest {
        JsonNode root = read(body);
        if (root == null || !root.isObject()) {
            throw new InvalidRequest("request body must be a JSON object");
        }
        ObjectNode out = json.createObjectNode().put("model", model);
        JsonNode input = legacy ? root.path("prompt") : root.path("input");
        if (input.isTextual()) {
            out.put("input", input.asText());
        } else if (input.isArray() && !legacy) {
            for (JsonNode item : input) {
                if (!item.isTextual()) {
                    throw new InvalidRequest("input: must be a string or a list of strings");
                }
            }
            out.set("input", input);
        } else {
            throw new InvalidRequest(legacy ? "prompt: must be a string" : "input: must be a string or a list of strings");
        }
        if (root.path("dimensions").isIntegralNumber()) {
            out.put("dimensions", root.path("dimensions").asInt());
        }
        return bytes(out);
    }

    /**
     * Ollama's answer for the back end's.
     *
     * @param model         the model the client asked for
     * @param totalDuration nanoseconds from the request to now
     */
    public byte[] reply(byte[] body, boolean legacy, String model, long totalDuration) throws InvalidRequest {
        JsonNode root = read(body);
        if (root == null || !root.path("data").isArray()) {
            throw new InvalidRequest("the backend's embedding answer has no data");
        }
        List<JsonNode> items = new ArrayList<>();
        root.path("data").forEach(items::add);
        items.sort(Comparator.comparingInt(item -> item.path("index").asInt(0)));
        if (legacy) {
            ObjectNode out = json.createObjectNode();
            out.set("embedding", items.isEmpty() ? json.createArrayNode() : items.get(0).path("embedding"));
            return bytes(out);
        }
        ObjectNode out = json.createObjectNode().put("model", model);
        ArrayNode vectors = out.putArray("embeddings");
        items.forEach(item -> vectors.add(item.path("embedding")));
        out.put("total_duration", totalDuration);
        out.put("load_duration", 0);
        out.put("prompt_eval_count", root.path("usage").path("prompt_tokens").asLong(0));
        return bytes(out);
    }

    private JsonNode read(byte[] body) throws InvalidRequest {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new InvalidRequest("not JSON: " + e.getMessage());
        }
    }

    private byte[] bytes(JsonNode node) {
        return DialectJson.write(json, node);
    }
}
