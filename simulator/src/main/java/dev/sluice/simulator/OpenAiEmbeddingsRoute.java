package dev.sluice.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;

/**
 * OpenAI's {@code POST /v1/embeddings}, as the OpenAI-style servers (and Ollama's compatibility layer) answer
 * it: a list of {@code embedding} objects and a usage block. {@code encoding_format: "base64"} is honoured
 * because the official SDKs ask for it by default; a proxy relaying either form must not re-encode it.
 */
final class OpenAiEmbeddingsRoute implements Route {

    @Override
    public void handle(Exchange exchange) throws IOException {
        JsonNode body;
        try {
            body = exchange.readJsonBody();
        } catch (IOException e) {
            exchange.stack().error(exchange, 400, "invalid JSON body");
            return;
        }
        if (!body.path("model").isTextual()) {
            exchange.stack().error(exchange, 400, "'model' is required");
            return;
        }
        String model = body.get("model").asText();
        if (ServedModels.named(exchange, model).isEmpty()) {
            exchange.stack().error(exchange, 404, "The model `" + model + "` does not exist.");
            return;
        }
        List<String> inputs = EmbeddingVectors.inputs(body.path("input"));
        if (inputs.isEmpty()) {
            exchange.stack().error(exchange, 400, "'input' is required");
            return;
        }
        boolean base64 = body.path("encoding_format").asText("float").equals("base64");
        ObjectNode answer = exchange.newObject().put("object", "list");
        ArrayNode data = answer.putArray("data");
        int words = 0;
        for (int i = 0; i < inputs.size(); i++) {
            float[] vector = EmbeddingVectors.of(model, inputs.get(i));
            ObjectNode item = data.addObject().put("object", "embedding");
            if (base64) {
                item.put("embedding", EmbeddingVectors.base64(vector));
            } else {
                ArrayNode components = item.putArray("embedding");
                for (float component : vector) {
                    components.add(component);
                }
            }
            item.put("index", i);
            words += PromptWords.count(inputs.get(i));
        }
        answer.put("model", model);
        answer.putObject("usage").put("prompt_tokens", words).put("total_tokens", words);
        exchange.json(200, answer);
    }
}
