package dev.sluice.application.translation;

import java.util.List;
import java.util.Objects;

/**
 * One line of Ollama's answer stream ({@code /api/chat}, {@code /api/generate}) in no wire format: the adapter
 * adds {@code model} and {@code created_at} and writes it as NDJSON, or merges the lines of a whole answer into one
 * object.
 */
public sealed interface OllamaChunk {

    /** A piece of the answer: text, reasoning and complete tool calls (Ollama sends a call whole, never in parts). */
    record Content(String text, String thinking, List<ToolCall> toolCalls) implements OllamaChunk {
        public Content {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(thinking, "thinking");
            toolCalls = List.copyOf(toolCalls);
        }
    }

    /**
     * A call the model makes.
     *
     * @param argumentsJson the arguments as one JSON object in text (Ollama sends an object, OpenAI a string)
     */
    record ToolCall(int index, String name, String argumentsJson) {
        public ToolCall {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(argumentsJson, "argumentsJson");
        }
    }

    /**
     * The last line, {@code done: true}: why it stopped, what it counted and how long each phase took, in
     * nanoseconds as Ollama reports them. Counts and durations the back end did not give are estimated.
     *
     * @param doneReason Ollama's {@code stop} or {@code length}
     */
    record Final(String doneReason, long totalDuration, long loadDuration, long promptEvalCount,
                 long promptEvalDuration, long evalCount, long evalDuration) implements OllamaChunk {
        public Final {
            Objects.requireNonNull(doneReason, "doneReason");
        }
    }

    /** The answer failed after it began: Ollama's {@code {"error": "..."}} line. */
    record Error(String message) implements OllamaChunk {
        public Error {
            Objects.requireNonNull(message, "message");
        }
    }
}
