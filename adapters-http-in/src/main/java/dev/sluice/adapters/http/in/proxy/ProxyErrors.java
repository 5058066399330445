package dev.sluice.adapters.http.in.proxy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.adapters.http.in.dialect.AnthropicReplies;
import dev.sluice.adapters.http.in.models.JsonResponses;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes an error in the route's dialect, before anything was committed. One log line per error, at info for the
 * client's mistakes and warn for ours or the backends'.
 */
final class ProxyErrors {

    private static final Logger LOG = LoggerFactory.getLogger(ProxyErrors.class);

    private final ObjectMapper json;

    private final JsonResponses envelopes;

    ProxyErrors(ObjectMapper json) {
        this.json = json;
        this.envelopes = new JsonResponses(json);
    }

    void send(HttpServletResponse response, Dialect dialect, int status, String type, String message) {
        if (status >= 500) {
            LOG.warn("{} {}: {}", status, type, message);
        } else {
            LOG.info("{} {}: {}", status, type, message);
        }
        if (response.isCommitted()) {
            return;
        }
        ObjectNode body;
        if (dialect == Dialect.ANTHROPIC) {
            body = anthropicEnvelope(response, status, message);
        } else if (dialect == Dialect.OLLAMA) {
            body = json.createObjectNode().put("error", message);
        } else {
            body = envelopes.errorBody(status, type, message);
        }
        try {
            response.resetBuffer();
            response.setStatus(status);
            response.setContentType("application/json");
            response.setCharacterEncoding("utf-8");
            byte[] bytes = json.writeValueAsBytes(body);
            response.setContentLength(bytes.length);
            response.getOutputStream().write(bytes);
        } catch (IOException | IllegalStateException e) {
            LOG.debug("could not write the error to a client that went away: {}", e.toString());
        }
    }

    // Anthropic's SDKs read request-id from the header and the body; Olla copies its own request id into both.
    private ObjectNode anthropicEnvelope(HttpServletResponse response, int status, String message) {
        String requestId = response.getHeader(ResponseHeaders.REQUEST_ID);
        ObjectNode body = json.createObjectNode().put("type", "error");
        body.putObject("error").put("type", AnthropicReplies.errorType(status)).put("message", message);
        if (requestId != null) {
            body.put("request_id", requestId);
            response.setHeader("request-id", requestId);
        }
        return body;
    }
}
