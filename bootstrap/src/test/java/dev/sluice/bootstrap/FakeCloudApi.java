package dev.sluice.bootstrap;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * A hosted API as the proxy sees it: one key in one header, model lists at the provider's own paths, OpenAI chat
 * completions (streamed or not) under whatever prefix the provider uses, and a 401 without
 * {@code WWW-Authenticate} (as OpenAI, Anthropic and Groq send it) for a wrong key. Records every request.
 */
final class FakeCloudApi implements AutoCloseable {

    /** One request as it arrived. */
    record Seen(String method, String pathAndQuery, HttpFields headers, String body) {
    }

    final List<Seen> requests = new CopyOnWriteArrayList<>();
    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);
    private final String keyHeader;
    private final String keyValue;
    private final Map<String, String> lists;
    private volatile boolean listsNeedKey = true;

    /**
     * @param keyHeader the header the provider reads its key from ({@code Authorization}, {@code x-api-key} ...)
     * @param keyValue  the value that header must have
     * @param lists     GET path (without query) to the JSON it answers
     */
    FakeCloudApi(String keyHeader, String keyValue, Map<String, String> lists) throws Exception {
        this.keyHeader = keyHeader;
        this.keyValue = keyValue;
        this.lists = Map.copyOf(lists);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                String body = Content.Source.asString(request, StandardCharsets.UTF_8);
                answer(request, body, response, callback);
                return true;
            }
        });
        server.start();
    }

    private void answer(Request request, String body, Response response, Callback callback) {
        String path = request.getHttpURI().getPath();
        String query = request.getHttpURI().getQuery();
        requests.add(new Seen(request.getMethod(), path + (query == null ? "" : "?" + query),
                HttpFields.build(request.getHeaders()).asImmutable(), body));
        boolean openList = !listsNeedKey && request.getMethod().equals("GET") && lists.containsKey(path);
        if (!openList && !keyValue.equals(request.getHeaders().get(keyHeader))) {
            write(response, callback, 401, "application/json", "{\"error\":{\"message\":\"Incorrect API key provided\","
                    + "\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}");
            return;
        }
        if (request.getMethod().equals("GET") && lists.containsKey(path)) {
            write(response, callback, 200, "application/json", lists.get(path));
            return;
        }
        if (request.getMethod().equals("POST") && path.endsWith("/chat/completions")) {
            chat(body, response, callback);
            return;
        }
        if (request.getMethod().equals("POST") && path.endsWith("/v1/messages")) {
            write(response, callback, 200, "application/json", "{\"id\":\"msg_01\",\"type\":\"message\",\"role\":"
                    + "\"assistant\",\"model\":\"claude-sonnet-4-20250514\",\"content\":[{\"type\":\"text\",\"text\":"
                    + "\"Hello\"}],\"stop_reason\":\"end_turn\",\"usage\":{\"input_tokens\":3,\"output_tokens\":1}}");
            return;
        }
        write(response, callback, 404, "application/json", "{\"error\":{\"message\":\"Unknown path " + path + "\"}}");
    }

    private static void chat(String body, Response response, Callback callback) {
        String model = body.replaceAll("(?s).*\"model\"\\s*:\\s*\"([^\"]*)\".*", "$1");
        if (body.contains("\"stream\":true")) {
            String chunk = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\""
                    + model + "\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"%s\"},\"finish_reason\":null}]}";
            write(response, callback, 200, "text/event-stream", "data: " + chunk.formatted("Hel") + "\n\n"
                    + "data: " + chunk.formatted("lo") + "\n\n" + "data: [DONE]\n\n");
            return;
        }
        write(response, callback, 200, "application/json", "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\","
                + "\"created\":1,\"model\":\"" + model + "\",\"choices\":[{\"index\":0,\"message\":{\"role\":"
                + "\"assistant\",\"content\":\"Hello\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":3,"
                + "\"completion_tokens\":1,\"total_tokens\":4}}");
    }

    private static void write(Response response, Callback callback, int status, String type, String body) {
        response.setStatus(status);
        response.getHeaders().put("Content-Type", type);
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    }

    /** Serves the model lists to anyone, as OpenRouter does: only inference needs the key. */
    FakeCloudApi withOpenLists() {
        listsNeedKey = false;
        return this;
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + connector.getLocalPort());
    }

    /** The requests whose path (and query) starts with {@code prefix}. */
    List<Seen> requestsTo(String prefix) {
        return requests.stream().filter(r -> r.pathAndQuery().startsWith(prefix)).toList();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
