package dev.sluice.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * One request and its answer, with the settings snapshot taken when it arrived. Routes write through the
 * helpers here so that Content-Type and Content-Length are always set the way the impersonated server sets
 * them; a helper completes the callback, so a route that calls one is done.
 */
final class Exchange {

    private final Request request;
    private final Response response;
    private final Callback callback;
    private final BackendSettings settings;
    private final ServerContext context;

    Exchange(Request request, Response response, Callback callback, BackendSettings settings,
             ServerContext context) {
        this.request = request;
        this.response = response;
        this.callback = callback;
        this.settings = settings;
        this.context = context;
    }

    String method() {
        return request.getMethod();
    }

    /** The path without query string; there is no context path, so this is the whole request path. */
    String path() {
        return Request.getPathInContext(request);
    }

    /** One query parameter's first value (Gemini's {@code ?key=} and {@code alt=sse}, Azure's {@code api-version}). */
    Optional<String> queryParameter(String name) {
        return Optional.ofNullable(Request.extractQueryParameters(request).getValue(name));
    }

    Optional<String> requestHeader(String name) {
        return Optional.ofNullable(request.getHeaders().get(name));
    }

    BackendSettings settings() {
        return settings;
    }

    List<SimulatedModel> models() {
        return settings.models();
    }

    WebStack stack() {
        return context.platform().stack();
    }

    Instant now() {
        return context.clock().instant();
    }

    long epochSecond() {
        return now().getEpochSecond();
    }

    /** Jetty's own scheduler: stopped with the server, so nothing scheduled outlives a {@code stop()}. */
    Scheduler scheduler() {
        return request.getComponents().getScheduler();
    }

    /**
     * The same request answered through another response and callback: how a chat fault wraps a platform's route
     * so the route writes as usual and the fault decides what reaches the wire.
     */
    Exchange withResponse(Response newResponse, Callback newCallback) {
        return new Exchange(request, newResponse, newCallback, settings, context);
    }

    Response response() {
        return response;
    }

    Callback callback() {
        return callback;
    }

    ObjectNode newObject() {
        return context.json().createObjectNode();
    }

    /** A record or collection as a tree, to mix typed parts into a hand-ordered body. */
    JsonNode toJsonTree(Object value) {
        return context.json().valueToTree(value);
    }

    byte[] toJsonBytes(Object body) {
        try {
            return context.json().writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("simulator bodies are plain records and maps; this cannot fail", e);
        }
    }

    /** Reads the whole request body as JSON; simulated requests are small, so blocking here is fine. */
    JsonNode readJsonBody() throws IOException {
        return parseJson(readBodyText());
    }

    /** The raw body, for routes that must word a parse error the way their server's JSON library does. */
    String readBodyText() throws IOException {
        return Content.Source.asString(request, StandardCharsets.UTF_8);
    }

    JsonNode parseJson(String text) throws IOException {
        return context.json().readTree(text);
    }

    void header(String name, String value) {
        response.getHeaders().put(name, value);
    }

    void removeHeader(String name) {
        response.getHeaders().remove(name);
    }

    void json(int status, Object body) {
        bytes(status, stack().jsonContentType(), toJsonBytes(body));
    }

    void text(int status, String contentType, String body) {
        bytes(status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Status with an explicit {@code Content-Length: 0}, as Python and Go servers send for empty bodies. */
    void empty(int status) {
        bytes(status, null, new byte[0]);
    }

    void bytes(int status, String contentType, byte[] body) {
        // An explicit Content-Length keeps Jetty from chunking: every simulated server sends one on whole
        // bodies, and proxies behave differently for chunked and sized answers.
        response.setStatus(status);
        if (contentType != null) {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        }
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    /** Starts a streamed answer: status and headers now, body chunks later through {@link PacedWriter}. */
    void beginStream(int status, String contentType) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
    }
}
