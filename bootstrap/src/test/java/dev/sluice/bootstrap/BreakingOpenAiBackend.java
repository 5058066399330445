package dev.sluice.bootstrap;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * An OpenAI-compatible server that lists one model and, asked for a streamed chat, sends two whole text events and
 * then drops the connection without ending the response: a server that crashed after the client had text.
 */
final class BreakingOpenAiBackend implements AutoCloseable {

    static final String MODEL = "crashy-model";
    private static final String EVENTS = "data: {\"id\":\"c1\",\"model\":\"" + MODEL + "\",\"choices\":[{\"index\":0,"
            + "\"delta\":{\"content\":\"Hello\"}}]}\n\ndata: {\"id\":\"c1\",\"model\":\"" + MODEL + "\",\"choices\":"
            + "[{\"index\":0,\"delta\":{\"content\":\" there\"}}]}\n\n";

    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);

    BreakingOpenAiBackend() throws Exception {
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                String path = Request.getPathInContext(request);
                if (path.equals("/v1/chat/completions")) {
                    response.setStatus(200);
                    response.getHeaders().put("Content-Type", "text/event-stream");
                    // Two events reach the proxy; then the connection is aborted, no terminating chunk.
                    response.write(false, ByteBuffer.wrap(EVENTS.getBytes(StandardCharsets.UTF_8)),
                            Callback.from(() -> callback.failed(new IllegalStateException("simulated crash")),
                                    callback::failed));
                    return true;
                }
                ScriptedBackend.write(response, callback, 200, "{\"object\":\"list\",\"data\":[{\"id\":\"" + MODEL
                        + "\",\"object\":\"model\",\"created\":0,\"owned_by\":\"test\"}]}");
                return true;
            }
        });
        server.start();
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + connector.getLocalPort());
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
