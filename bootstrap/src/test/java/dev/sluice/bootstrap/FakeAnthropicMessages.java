package dev.sluice.bootstrap;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
 * The hosted Anthropic Messages API as its reference documents it: {@code x-api-key} and {@code anthropic-version}
 * required, {@code /v1/models} paged list, {@code POST /v1/messages} answered whole or as the event stream
 * (message_start, ping, content blocks with text and tool_use deltas, message_delta with usage, message_stop).
 * A model named {@code claude-limited} gets a 429 {@code rate_limit_error} with {@code retry-after}; one named
 * {@code claude-breaks} starts a stream and drops the connection mid-way. Records every request.
 */
final class FakeAnthropicMessages implements AutoCloseable {

    static final String MODEL = "claude-sonnet-4-20250514";
    static final String STREAM = """
            event: message_start
            data: {"type":"message_start","message":{"id":"msg_01","type":"message","role":"assistant","model":"claude-sonnet-4-20250514","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":12,"output_tokens":1}}}

            event: ping
            data: {"type": "ping"}

            event: content_block_start
            data: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hel"}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"lo"}}

            event: content_block_stop
            data: {"type":"content_block_stop","index":0}

            event: content_block_start
            data: {"type":"content_block_start","index":1,"content_block":{"type":"tool_use","id":"toolu_1","name":"get_weather","input":{}}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":"{\\"city\\":"}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":"\\"Paris\\"}"}}

            event: content_block_stop
            data: {"type":"content_block_stop","index":1}

            event: message_delta
            data: {"type":"message_delta","delta":{"stop_reason":"tool_use","stop_sequence":null},"usage":{"output_tokens":9}}

            event: message_stop
            data: {"type":"message_stop"}

            """;

    /** One request as it arrived. */
    record Seen(String method, String path, HttpFields headers, String body) {
    }

    final List<Seen> requests = new CopyOnWriteArrayList<>();
    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);
    private final String key;

    FakeAnthropicMessages(String key) throws Exception {
        this.key = key;
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
        requests.add(new Seen(request.getMethod(), path + (request.getHttpURI().getQuery() == null ? ""
                : "?" + request.getHttpURI().getQuery()), HttpFields.build(request.getHeaders()).asImmutable(), body));
        if (!key.equals(request.getHeaders().get("x-api-key"))) {
            write(response, callback, 401, "application/json", "{\"type\":\"error\",\"error\":{\"type\":"
                    + "\"authentication_error\",\"message\":\"invalid x-api-key\"}}");
            return;
        }
        if (request.getHeaders().get("anthropic-version") == null) {
            write(response, callback, 400, "application/json", "{\"type\":\"error\",\"error\":{\"type\":"
                    + "\"invalid_request_error\",\"message\":\"anthropic-version: header is required\"}}");
            return;
        }
        if (path.equals("/v1/models")) {
            write(response, callback, 200, "application/json", "{\"data\":[{\"type\":\"model\",\"id\":\"" + MODEL
                    + "\",\"display_name\":\"Claude Sonnet 4\",\"created_at\":\"2025-05-22T00:00:00Z\"},{\"type\":"
                    + "\"model\",\"id\":\"claude-limited\",\"display_name\":\"Limited\",\"created_at\":"
                    + "\"2025-05-22T00:00:00Z\"},{\"type\":\"model\",\"id\":\"claude-breaks\",\"display_name\":"
                    + "\"Breaks\",\"created_at\":\"2025-05-22T00:00:00Z\"}],\"has_more\":false}");
            return;
        }
        if (!request.getMethod().equals("POST") || !path.equals("/v1/messages")) {
            write(response, callback, 404, "application/json", "{\"type\":\"error\",\"error\":{\"type\":"
                    + "\"not_found_error\",\"message\":\"Not found\"}}");
            return;
        }
        if (!body.contains("\"max_tokens\":")) {
            write(response, callback, 400, "application/json", "{\"type\":\"error\",\"error\":{\"type\":"
                    + "\"invalid_request_error\",\"message\":\"max_tokens: Field required\"}}");
            return;
        }
        if (body.contains("\"claude-limited\"")) {
            response.getHeaders().put("retry-after", "7");
            response.getHeaders().put("anthropic-ratelimit-requests-remaining", "0");
            write(response, callback, 429, "application/json", "{\"type\":\"error\",\"error\":{\"type\":"
                    + "\"rate_limit_error\",\"message\":\"Number of requests has exceeded your rate limit\"}}");
            return;
        }
        boolean stream = body.contains("\"stream\":true");
        if (body.contains("\"claude-breaks\"")) {
            response.setStatus(200);
            response.getHeaders().put("Content-Type", "text/event-stream");
            String half = STREAM.substring(0, STREAM.indexOf("event: content_block_stop"));
            response.write(false, ByteBuffer.wrap(half.getBytes(StandardCharsets.UTF_8)),
                    Callback.from(() -> callback.failed(new IllegalStateException("simulated crash"))));
            return;
        }
        if (stream) {
            write(response, callback, 200, "text/event-stream", STREAM);
            return;
        }
        write(response, callback, 200, "application/json", "{\"id\":\"msg_01\",\"type\":\"message\",\"role\":"
                + "\"assistant\",\"model\":\"" + MODEL + "\",\"content\":[{\"type\":\"text\",\"text\":\"Hello\"}],"
                + "\"stop_reason\":\"end_turn\",\"stop_sequence\":null,\"usage\":{\"input_tokens\":12,"
                + "\"output_tokens\":1}}");
    }

    private static void write(Response response, Callback callback, int status, String type, String body) {
        response.setStatus(status);
        response.getHeaders().put("Content-Type", type);
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + connector.getLocalPort());
    }

    List<Seen> messages() {
        return requests.stream().filter(r -> r.path().equals("/v1/messages")).toList();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
