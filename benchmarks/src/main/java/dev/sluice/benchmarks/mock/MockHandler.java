package dev.sluice.benchmarks.mock;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * An Ollama as a proxy sees it, reduced to what a benchmark needs: health ({@code GET /}), discovery
 * ({@code /api/tags}, {@code /v1/models}), {@code /api/version}, and chat on {@code /api/chat} (NDJSON, streaming by
 * default) and {@code /v1/chat/completions} (SSE with {@code "stream":true}, else one ~350-byte JSON answer).
 */
final class MockHandler extends Handler.Abstract {

    private final Script defaults;
    private final byte[] tags;
    private final byte[] openAiModels;

    MockHandler(Script defaults, List<String> models) {
        this.defaults = defaults;
        this.tags = Frames.bytes("{\"models\":[" + models.stream().map(m -> "{\"name\":\"" + m + "\",\"model\":\"" + m
                + "\",\"modified_at\":\"2026-01-01T00:00:00Z\",\"size\":1000000,\"digest\":\"" + digest(m)
                + "\",\"details\":{\"format\":\"gguf\",\"family\":\"llama\",\"parameter_size\":\"1B\","
                + "\"quantization_level\":\"Q4_K_M\"}}").collect(Collectors.joining(",")) + "]}");
        this.openAiModels = Frames.bytes("{\"object\":\"list\",\"data\":[" + models.stream().map(m -> "{\"id\":\"" + m
                + "\",\"object\":\"model\",\"created\":1700000000,\"owned_by\":\"library\"}")
                .collect(Collectors.joining(",")) + "]}");
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        String method = request.getMethod();
        if (method.equals("GET")) {
            switch (path) {
                case "/":
                    send(response, callback, "text/plain; charset=utf-8", Frames.bytes("Ollama is running"));
                    return true;
                case "/api/tags":
                    send(response, callback, "application/json; charset=utf-8", tags);
                    return true;
                case "/v1/models":
                    send(response, callback, "application/json", openAiModels);
                    return true;
                case "/api/version":
                    send(response, callback, "application/json; charset=utf-8", Frames.bytes("{\"version\":\"0.12.0\"}"));
                    return true;
                default:
                    break;
            }
        } else if (method.equals("POST") && (path.equals("/v1/chat/completions") || path.equals("/api/chat"))) {
            chat(request, response, callback, path.equals("/api/chat"));
            return true;
        }
        response.setStatus(404);
        send(response, callback, "text/plain; charset=utf-8", Frames.bytes("404 page not found"));
        return true;
    }

    private void chat(Request request, Response response, Callback callback, boolean ollama) throws Exception {
        // Bodies are small and arrive with the headers; a blocking read costs nothing measurable here.
        String body = Content.Source.asString(request, StandardCharsets.UTF_8);
        String compact = body.replace(" ", "");
        boolean stream = ollama ? !compact.contains("\"stream\":false") : compact.contains("\"stream\":true");
        if (!stream) {
            send(response, callback, "application/json", ollama ? Frames.OLLAMA_ANSWER : Frames.OPENAI_ANSWER);
            return;
        }
        Script script = defaults.overriddenBy(request.getHeaders());
        Frames frames = Frames.of(script.chunkBytes());
        response.setStatus(200);
        StreamWriter writer;
        if (ollama) {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/x-ndjson");
            writer = new StreamWriter(response, callback, request.getComponents().getScheduler(), script, null,
                    frames.ndjsonContent, frames.ndjsonFinal);
        } else {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream");
            writer = new StreamWriter(response, callback, request.getComponents().getScheduler(), script,
                    frames.sseRole, frames.sseContent, frames.sseFinish, frames.sseDone);
        }
        writer.iterate();
    }

    private static void send(Response response, Callback callback, String contentType, byte[] body) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    private static String digest(String model) {
        return String.format("%064x", model.hashCode() & 0xffffffffL);
    }
}
