package dev.sluice.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;

/**
 * Ollama's {@code POST /api/embed}: one normalised vector per input (a string or a list of them), with the
 * load and prompt counters its other routes report. An absent input is not an error: Ollama then only loads
 * the model and answers an empty list.
 */
final class OllamaEmbedRoute implements Route {

    /** Pretend durations, constant so bodies are byte-stable. */
    private static final long LOAD_NANOS = 2_000_000L;
    private static final long NANOS_PER_WORD = 250_000L;

    @Override
    public void handle(Exchange exchange) throws IOException {
        JsonNode body;
        try {
            body = exchange.readJsonBody();
        } catch (IOException e) {
            exchange.stack().error(exchange, 400, "invalid JSON body");
            return;
        }
        String model = body.path("model").asText("");
        if (model.isEmpty()) {
            exchange.stack().error(exchange, 400, "model is required");
            return;
        }
        if (ServedModels.named(exchange, model).isEmpty()) {
            exchange.stack().error(exchange, 404, "model \"" + model + "\" not found, try pulling it first");
            return;
        }
        List<String> inputs = EmbeddingVectors.inputs(body.path("input"));
        ObjectNode answer = exchange.newObject().put("model", model);
        ArrayNode embeddings = answer.putArray("embeddings");
        int words = 0;
        for (String input : inputs) {
            ArrayNode vector = embeddings.addArray();
            for (float component : EmbeddingVectors.of(model, input)) {
                vector.add(component);
            }
            words += PromptWords.count(input);
        }
        if (!inputs.isEmpty()) {
            answer.put("total_duration", LOAD_NANOS + NANOS_PER_WORD * words).put("load_duration", LOAD_NANOS)
                    .put("prompt_eval_count", words);
        }
        exchange.json(200, answer);
    }
}
