package dev.sluice.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Gemini's {@code generateContent} and {@code streamGenerateContent}, after the API reference: a
 * {@code GenerateContentResponse} with one candidate ({@code content.parts}, {@code role: "model"},
 * {@code finishReason}, {@code index}), {@code usageMetadata}, {@code modelVersion} and {@code responseId}. A
 * stream sends one response per token, the last carrying the finish reason and the full usage; with
 * {@code alt=sse} each is a {@code data:} event ending in CRLF CRLF, as Google's front end writes them, otherwise
 * the responses are elements of one JSON array written as they come. A request with
 * {@code functionDeclarations} whose last turn is not a {@code functionResponse} (and whose calling mode is not
 * {@code NONE}) is answered with a {@code functionCall} part instead of text.
 */
final class GeminiGenerateRoute {

    enum Mode { WHOLE, SSE, JSON_ARRAY }

    static final String CALL_ARGUMENT = "fox";
    /** Counted rather than random ids, so two runs of a test see the same bytes. */
    private final AtomicLong ids = new AtomicLong();

    void handle(Exchange exchange, String model, Mode mode) throws IOException {
        JsonNode body = read(exchange);
        if (body == null) {
            return;
        }
        if (body.path("contents").size() == 0) {
            exchange.stack().error(exchange, 400, "* GenerateContentRequest.contents: contents is not specified\n");
            return;
        }
        JsonNode maxTokens = body.path("generationConfig").path("maxOutputTokens");
        Generation generation = Generation.of(exchange.settings().chatScript(),
                maxTokens.canConvertToInt() ? OptionalInt.of(maxTokens.asInt()) : OptionalInt.empty());
        int promptTokens = promptTokens(body);
        String id = String.format("sim-gemini-%06d", ids.incrementAndGet());
        String function = functionToCall(body);
        if (mode == Mode.WHOLE) {
            ObjectNode response = function != null
                    ? response(exchange, functionCall(exchange, function), "STOP", promptTokens, 1, model, id)
                    : response(exchange, text(exchange, generation.text()), finish(generation), promptTokens,
                            generation.tokens(), model, id);
            exchange.json(200, response);
            return;
        }
        EventChunks events = new EventChunks();
        if (function != null) {
            events.add(frame(exchange, mode, true, response(exchange, functionCall(exchange, function), "STOP",
                    promptTokens, 1, model, id)));
        } else {
            for (int i = 0; i < generation.tokens(); i++) {
                boolean last = i == generation.tokens() - 1;
                events.add(frame(exchange, mode, i == 0, response(exchange, text(exchange, generation.token(i)),
                        last ? finish(generation) : null, promptTokens, last ? generation.tokens() : 0, model, id)));
            }
        }
        if (mode == Mode.JSON_ARRAY) {
            events.follow("]");
        }
        exchange.beginStream(200, mode == Mode.SSE ? "text/event-stream" : "application/json; charset=UTF-8");
        new PacedWriter(exchange, events, generation.pause()).iterate();
    }

    /** {@code :countTokens}: {@code {"totalTokens":N}} for the request's contents. */
    void countTokens(Exchange exchange) throws IOException {
        JsonNode body = read(exchange);
        if (body != null) {
            exchange.json(200, exchange.newObject().put("totalTokens", promptTokens(body)));
        }
    }

    private static JsonNode read(Exchange exchange) throws IOException {
        try {
            JsonNode body = exchange.readJsonBody();
            if (body != null && body.isObject()) {
                return body;
            }
        } catch (JsonProcessingException e) {
            // answered below, as Google words a body it cannot parse
        }
        exchange.stack().error(exchange, 400, "Invalid JSON payload received. Unexpected token.");
        return null;
    }

    private static String finish(Generation generation) {
        return generation.truncated() ? "MAX_TOKENS" : "STOP";
    }

    /** The function a tool-using request gets called: the first allowed, else the first declared. */
    private static String functionToCall(JsonNode body) {
        JsonNode config = body.path("toolConfig").path("functionCallingConfig");
        if ("NONE".equals(config.path("mode").asText())) {
            return null;
        }
        JsonNode contents = body.path("contents");
        for (JsonNode part : contents.get(contents.size() - 1).path("parts")) {
            if (part.has("functionResponse")) {
                return null;
            }
        }
        if (config.path("allowedFunctionNames").size() > 0) {
            return config.path("allowedFunctionNames").get(0).asText();
        }
        for (JsonNode tool : body.path("tools")) {
            JsonNode declarations = tool.path("functionDeclarations");
            if (declarations.size() > 0) {
                return declarations.get(0).path("name").asText();
            }
        }
        return null;
    }

    private static int promptTokens(JsonNode body) {
        StringBuilder text = new StringBuilder();
        body.path("systemInstruction").path("parts").forEach(part -> text.append(' ').append(part.path("text").asText()));
        body.path("contents").forEach(content -> content.path("parts")
                .forEach(part -> text.append(' ').append(part.path("text").asText())));
        return Math.max(1, PromptWords.count(text.toString()));
    }

    private static ObjectNode text(Exchange exchange, String text) {
        return exchange.newObject().put("text", text);
    }

    private static ObjectNode functionCall(Exchange exchange, String name) {
        ObjectNode part = exchange.newObject();
        ObjectNode call = part.putObject("functionCall").put("name", name);
        call.putObject("args").put("query", CALL_ARGUMENT);
        return part;
    }

    /** One {@code GenerateContentResponse}; a null finish reason is left out, as mid-stream responses have none. */
    private static ObjectNode response(Exchange exchange, ObjectNode part, String finishReason, int promptTokens,
                                       int candidateTokens, String model, String id) {
        ObjectNode response = exchange.newObject();
        ObjectNode candidate = response.putArray("candidates").addObject();
        ObjectNode content = candidate.putObject("content");
        content.putArray("parts").add(part);
        content.put("role", "model");
        if (finishReason != null) {
            candidate.put("finishReason", finishReason);
        }
        candidate.put("index", 0);
        ObjectNode usage = response.putObject("usageMetadata").put("promptTokenCount", promptTokens);
        if (candidateTokens > 0) {
            usage.put("candidatesTokenCount", candidateTokens);
        }
        usage.put("totalTokenCount", promptTokens + candidateTokens);
        usage.putArray("promptTokensDetails").addObject().put("modality", "TEXT").put("tokenCount", promptTokens);
        response.put("modelVersion", model).put("responseId", id);
        return response;
    }

    private static String frame(Exchange exchange, Mode mode, boolean first, ObjectNode response) {
        String json = new String(exchange.toJsonBytes(response), StandardCharsets.UTF_8);
        if (mode == Mode.SSE) {
            return "data: " + json + "\r\n\r\n";
        }
        return (first ? "[" : ",\r\n") + json;
    }
}
