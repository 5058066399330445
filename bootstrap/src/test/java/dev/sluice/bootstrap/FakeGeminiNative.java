package dev.sluice.bootstrap;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * The Gemini API's native surface as its reference documents it: {@code x-goog-api-key}, the paged
 * {@code GET /v1beta/models} list, {@code POST /v1beta/models/{model}:generateContent} and
 * {@code :streamGenerateContent?alt=sse} (one {@code GenerateContentResponse} per event, CRLF line ends), and
 * Google's error envelope ({@code RESOURCE_EXHAUSTED} for model {@code gemini-limited}). Records every request as
 * path plus body.
 */
final class FakeGeminiNative implements AutoCloseable {

    static final String MODEL = "gemini-2.5-flash";

    /** One request: path with query, and body. */
    record Seen(String pathAndQuery, String apiKey, String body) {
    }

    final List<Seen> requests = new CopyOnWriteArrayList<>();
    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);

    FakeGeminiNative() throws Exception {
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                answer(request, Content.Source.asString(request, StandardCharsets.UTF_8), response, callback);
                return true;
            }
        });
        server.start();
    }

    private void answer(Request request, String body, Response response, Callback callback) {
        String path = request.getHttpURI().getPath();
        String query = request.getHttpURI().getQuery();
        requests.add(new Seen(path + (query == null ? "" : "?" + query), request.getHeaders().get("x-goog-api-key"), body));
        if (!"AIza-gemini".equals(request.getHeaders().get("x-goog-api-key"))) {
            write(response, callback, 403, "application/json", "{\"error\":{\"code\":403,\"message\":\"Method doesn't "
                    + "allow unregistered callers.\",\"status\":\"PERMISSION_DENIED\"}}");
            return;
        }
        if (path.equals("/v1beta/models")) {
            write(response, callback, 200, "application/json", "{\"models\":[{\"name\":\"models/" + MODEL + "\","
                    + "\"supportedGenerationMethods\":[\"generateContent\"]},{\"name\":\"models/gemini-limited\","
                    + "\"supportedGenerationMethods\":[\"generateContent\"]}]}");
            return;
        }
        if (path.startsWith("/v1beta/models/gemini-limited:")) {
            response.getHeaders().put("Retry-After", "3");
            write(response, callback, 429, "application/json", "{\"error\":{\"code\":429,\"message\":\"Resource has been "
                    + "exhausted (e.g. check quota).\",\"status\":\"RESOURCE_EXHAUSTED\"}}");
            return;
        }
        if (path.equals("/v1beta/models/" + MODEL + ":streamGenerateContent") && "alt=sse".equals(query)) {
            String chunk = "data: {\"candidates\":[{\"content\":{\"parts\":[%s],\"role\":\"model\"}%s,\"index\":0}],"
                    + "\"usageMetadata\":{\"promptTokenCount\":4%s},\"modelVersion\":\"" + MODEL + "\",\"responseId\":\"r-1\"}\r\n\r\n";
            write(response, callback, 200, "text/event-stream", chunk.formatted("{\"text\":\"Hel\"}", "", "")
                    + chunk.formatted("{\"text\":\"lo\"}", ",\"finishReason\":\"STOP\"", ",\"candidatesTokenCount\":2"));
            return;
        }
        if (path.equals("/v1beta/models/" + MODEL + ":generateContent")) {
            write(response, callback, 200, "application/json", "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":"
                    + "\"Hello\"}],\"role\":\"model\"},\"finishReason\":\"STOP\",\"index\":0}],\"usageMetadata\":"
                    + "{\"promptTokenCount\":4,\"candidatesTokenCount\":1,\"totalTokenCount\":5},\"modelVersion\":\""
                    + MODEL + "\",\"responseId\":\"r-2\"}");
            return;
        }
        write(response, callback, 404, "application/json", "{\"error\":{\"code\":404,\"message\":\"not found: " + path
                + "\",\"status\":\"NOT_FOUND\"}}");
    }

    private static void write(Response response, Callback callback, int status, String type, String body) {
        response.setStatus(status);
        response.getHeaders().put("Content-Type", type);
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + connector.getLocalPort());
    }

    List<Seen> generations() {
        return requests.stream().filter(r -> r.pathAndQuery().contains(":")).toList();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
