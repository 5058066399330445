package dev.sluice.e2e;

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
 * The hosted Anthropic API, as its reference documents the wire: {@code x-api-key} and {@code anthropic-version}
 * required, the {@code /v1/models} list, and {@code POST /v1/messages} answered whole or as its event stream
 * (text, then a tool call whose arguments arrive in pieces, usage in {@code message_delta}). Records request bodies.
 */
final class HostedAnthropicApi implements AutoCloseable {

    static final String MODEL = "claude-sonnet-4-20250514";
    private static final String KEY = "sk-ant-e2e";
    private static final String STREAM = """
            event: message_start
            data: {"type":"message_start","message":{"id":"msg_e2e","type":"message","role":"assistant","model":"claude-sonnet-4-20250514","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":14,"output_tokens":1}}}

            event: content_block_start
            data: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}

            event: ping
            data: {"type": "ping"}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"The quick "}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"brown fox."}}

            event: content_block_stop
            data: {"type":"content_block_stop","index":0}

            event: content_block_start
            data: {"type":"content_block_start","index":1,"content_block":{"type":"tool_use","id":"toolu_e2e","name":"lookup","input":{}}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":"{\\"animal\\""}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":":\\"fox\\"}"}}

            event: content_block_stop
            data: {"type":"content_block_stop","index":1}

            event: message_delta
            data: {"type":"message_delta","delta":{"stop_reason":"tool_use","stop_sequence":null},"usage":{"output_tokens":11}}

            event: message_stop
            data: {"type":"message_stop"}

            """;

    final List<String> messageBodies = new CopyOnWriteArrayList<>();
    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);

    HostedAnthropicApi() throws Exception {
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
        if (!KEY.equals(request.getHeaders().get("x-api-key")) || request.getHeaders().get("anthropic-version") == null) {
            write(response, callback, 401, "application/json", "{\"type\":\"error\",\"error\":{\"type\":"
                    + "\"authentication_error\",\"message\":\"invalid x-api-key\"}}");
        } else if (path.equals("/v1/models")) {
            write(response, callback, 200, "application/json", "{\"data\":[{\"type\":\"model\",\"id\":\"" + MODEL
                    + "\",\"display_name\":\"Claude Sonnet 4\",\"created_at\":\"2025-05-22T00:00:00Z\"}],"
                    + "\"has_more\":false}");
        } else if (path.equals("/v1/messages") && request.getMethod().equals("POST")) {
            messageBodies.add(body);
            if (body.contains("\"stream\":true")) {
                write(response, callback, 200, "text/event-stream", STREAM);
            } else {
                write(response, callback, 200, "application/json", "{\"id\":\"msg_e2e\",\"type\":\"message\",\"role\":"
                        + "\"assistant\",\"model\":\"" + MODEL + "\",\"content\":[{\"type\":\"text\",\"text\":"
                        + "\"The quick brown fox.\"}],\"stop_reason\":\"end_turn\",\"stop_sequence\":null,"
                        + "\"usage\":{\"input_tokens\":14,\"output_tokens\":6}}");
            }
        } else {
            write(response, callback, 404, "application/json", "{\"type\":\"error\",\"error\":{\"type\":"
                    + "\"not_found_error\",\"message\":\"Not found\"}}");
        }
    }

    private static void write(Response response, Callback callback, int status, String type, String body) {
        response.setStatus(status);
        response.getHeaders().put("Content-Type", type);
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    }

    /** The endpoint entry for Sluice's config. */
    String endpointYaml() {
        return "      - url: \"http://127.0.0.1:" + connector.getLocalPort() + "\"\n"
                + "        name: \"anthropic\"\n"
                + "        type: \"anthropic\"\n"
                + "        auth: {key: \"" + KEY + "\"}\n"
                + "        check_interval: 1s\n"
                + "        check_timeout: 800ms\n";
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + connector.getLocalPort());
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
