package dev.sluice.adapters.http.in.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Writes JSON answers and JSON errors. Errors use the OpenAI envelope
 * ({@code {"error":{"message","type","param","code"}}}, type a category, code a specific string)
 * that Olla's docs advertise and most clients parse, instead of the plain text Olla actually sends.
 */
public final class JsonResponses {

    private final ObjectMapper json;

    public JsonResponses(ObjectMapper json) {
        this.json = json;
    }

    public ObjectNode object() {
        return json.createObjectNode();
    }

    public void write(HttpServletResponse response, int status, JsonNode body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("utf-8");
        response.setHeader("Cache-Control", "private, no-cache");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /**
     * Writes a status page with a weak ETag; answers a bare 304 when the client already has this version.
     */
    public void writeConditional(jakarta.servlet.http.HttpServletRequest request, HttpServletResponse response,
                                 JsonNode body) throws IOException {
        String etag = WeakETag.of(body);
        response.setHeader("ETag", etag);
        response.setHeader("Cache-Control", "private, no-cache");
        if (WeakETag.matches(request.getHeader("If-None-Match"), etag)) {
            response.setStatus(304);
            return;
        }
        write(response, 200, body);
    }

    public void error(HttpServletResponse response, int status, String type, String message) throws IOException {
        write(response, status, errorBody(status, type, message));
    }

    public ObjectNode errorBody(int status, String type, String message) {
        ObjectNode body = object();
        ObjectNode error = body.putObject("error");
        error.put("message", message);
        error.put("type", ErrorCategories.of(status));
        error.putNull("param");
        error.put("code", type);
        return body;
    }
}
