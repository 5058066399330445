package dev.sluice.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Ollama {@code POST /api/generate}: text travels as {@code response}, and the final line returns the token
 * {@code context} a client may send back to continue the conversation.
 */
final class OllamaGenerateRoute extends OllamaCompletionRoute {

    @Override
    void putText(ObjectNode line, String text) {
        line.put("response", text);
    }

    @Override
    void putFinalExtras(ObjectNode line, ChatRequest request) {
        ArrayNode context = line.putArray("context");
        for (int token = 1; token <= request.promptTokens(); token++) {
            context.add(token);
        }
    }
}
