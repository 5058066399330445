package dev.sluice.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Ollama {@code POST /api/chat}: text travels as an assistant {@code message}. */
final class OllamaChatRoute extends OllamaCompletionRoute {

    @Override
    void putText(ObjectNode line, String text) {
        line.putObject("message").put("role", "assistant").put("content", text);
    }
}
