package dev.sluice.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * What Ollama's {@code /api/chat} and {@code /api/generate} share: they stream by default as NDJSON (one JSON
 * object per line, {@code "done":false} per token, then a {@code "done":true} line with timing counters), or
 * answer one object with {@code "stream":false}. Subclasses only say where the text goes.
 */
abstract class OllamaCompletionRoute implements Route {

    /** Pretend load time: a constant, so the counters are deterministic. */
    private static final long LOAD_NANOS = 2_000_000L;

    /** Puts a piece of generated text into a line (as {@code message} or {@code response}). */
    abstract void putText(ObjectNode line, String text);

    /** Adds fields only the final line carries (generate's {@code context}). */
    void putFinalExtras(ObjectNode line, ChatRequest request) {
        // Chat has none.
    }

    @Override
    public void handle(Exchange exchange) {
        Optional<ChatRequest> read = ChatRequest.read(exchange, true);
        if (read.isEmpty()) {
            return;
        }
        ChatRequest request = read.get();
        if (request.servedBy(exchange).isEmpty()) {
            exchange.stack().error(exchange, 404,
                    "model \"" + request.model() + "\" not found, try pulling it first");
            return;
        }
        ChatScript script = exchange.settings().chatScript();
        if (!request.stream()) {
            exchange.json(200, finalLine(exchange, request, script, script.fullText()));
            return;
        }
        EventChunks lines = new EventChunks();
        for (int i = 0; i < script.chunks(); i++) {
            ObjectNode line = start(exchange, request);
            putText(line, script.token(i));
            line.put("done", false);
            lines.add(ndjson(exchange, line));
        }
        lines.add(ndjson(exchange, finalLine(exchange, request, script, "")));
        exchange.beginStream(200, "application/x-ndjson");
        new PacedWriter(exchange, lines, script.interChunkDelay()).iterate();
    }

    private ObjectNode finalLine(Exchange exchange, ChatRequest request, ChatScript script, String text) {
        ObjectNode line = start(exchange, request);
        putText(line, text);
        line.put("done_reason", "stop").put("done", true);
        putFinalExtras(line, request);
        // Eval time follows the script's pacing, so a proxy's tokens-per-second maths sees plausible numbers.
        long evalNanos = Math.max(script.interChunkDelay().toNanos(), Duration.ofMillis(1).toNanos()) * script.chunks();
        long promptNanos = 1_000_000L * Math.max(1, request.promptTokens());
        line.put("total_duration", LOAD_NANOS + promptNanos + evalNanos).put("load_duration", LOAD_NANOS)
                .put("prompt_eval_count", request.promptTokens()).put("prompt_eval_duration", promptNanos)
                .put("eval_count", script.chunks()).put("eval_duration", evalNanos);
        return line;
    }

    /** Ollama stamps each line in UTC with nanoseconds. */
    private static ObjectNode start(Exchange exchange, ChatRequest request) {
        return exchange.newObject().put("model", request.model())
                .put("created_at", DateTimeFormatter.ISO_INSTANT.format(exchange.now()));
    }

    private static String ndjson(Exchange exchange, ObjectNode line) {
        return new String(exchange.toJsonBytes(line), StandardCharsets.UTF_8) + "\n";
    }
}
