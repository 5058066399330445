package dev.sluice.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * llama.cpp's error objects. Their field order differs by kind in the captured traffic: "File Not Found" and
 * "Loading model" put {@code message} first, the others put {@code code} first; order does not matter to JSON
 * parsers, but byte-level comparisons in tests do.
 */
final class LlamaCppErrors {

    private static final String PARSE_ERROR = "[json.exception.parse_error.101] parse error at line ";

    private LlamaCppErrors() {
    }

    static ObjectNode body(Exchange exchange, int status, String message) {
        ObjectNode error = exchange.newObject();
        if (status == 404 || status == 503) {
            error.put("message", message).put("type", type(status)).put("code", status);
        } else {
            error.put("code", status).put("message", message).put("type", type(status));
        }
        ObjectNode body = exchange.newObject();
        body.set("error", error);
        return body;
    }

    /** cpp-httplib closes the connection after every error, so the keep-alive advert goes. */
    static void send(Exchange exchange, int status, ObjectNode body) {
        exchange.removeHeader("Keep-Alive");
        exchange.header("Connection", "close");
        exchange.json(status, body);
    }

    /**
     * A prompt longer than one slot's context: rejected before any generation, as plain JSON even when a stream
     * was asked for, with the two counts a client needs to shorten its prompt.
     */
    static void exceedsContext(Exchange exchange, int promptTokens, int slotContext) {
        ObjectNode body = body(exchange, 400, "request (" + promptTokens + " tokens) exceeds the available context"
                + " size (" + slotContext + " tokens), try increasing it");
        ((ObjectNode) body.get("error")).put("type", "exceed_context_size_error")
                .put("n_prompt_tokens", promptTokens).put("n_ctx", slotContext);
        send(exchange, 400, body);
    }

    /**
     * An unparsable body. llama-server answers 500, not 400, in nlohmann::json's words; the position comes from
     * Jackson, which counts lines and columns the same way for the common case of a truncated body.
     *
     * @param e Jackson's failure, or null for a body of only whitespace (which Jackson reads as no content)
     */
    static void unparsable(Exchange exchange, String text, JsonProcessingException e) {
        String message;
        if (text.isEmpty()) {
            message = PARSE_ERROR + "1, column 1: attempting to parse an empty input; check that your input string"
                    + " or stream contains the expected JSON";
        } else {
            boolean endOfInput = e == null || e instanceof JsonEOFException;
            String reason = endOfInput ? "unexpected end of input; expected '[', '{', or a literal" : "invalid literal";
            message = PARSE_ERROR + position(text, e) + ": syntax error while parsing value - " + reason;
        }
        send(exchange, 500, body(exchange, 500, message));
    }

    /** {@code "L, column C"}, 1-based; for whitespace-only bodies the end of the text, where nlohmann gives up. */
    private static String position(String text, JsonProcessingException e) {
        if (e != null && e.getLocation() != null) {
            JsonLocation at = e.getLocation();
            return Math.max(1, at.getLineNr()) + ", column " + Math.max(1, at.getColumnNr());
        }
        int line = (int) text.chars().filter(c -> c == '\n').count() + 1;
        return line + ", column " + (text.length() - text.lastIndexOf('\n'));
    }

    static String type(int status) {
        switch (status) {
            case 400:
                return "invalid_request_error";
            case 401:
                return "authentication_error";
            case 403:
                return "permission_error";
            case 404:
                return "not_found_error";
            case 501:
                return "not_supported_error";
            case 503:
                return "unavailable_error";
            default:
                return "server_error";
        }
    }
}
