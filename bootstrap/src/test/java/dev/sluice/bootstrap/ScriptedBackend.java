package dev.sluice.bootstrap;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * An Ollama-looking backend whose chat answers are scripted by a test: healthy and listing one model, but
 * answering chat with whatever fault the test wants (an error status, or never answering at all).
 */
final class ScriptedBackend implements AutoCloseable {

    /** What a chat request gets. */
    interface ChatAnswer {
        /** Writes the answer and returns true, or returns false to never answer. */
        boolean answer(Response response, Callback callback);
    }

    final AtomicInteger chats = new AtomicInteger();
    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);
    private volatile ChatAnswer chat;

    ScriptedBackend(ChatAnswer chat) throws Exception {
        this.chat = chat;
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                String path = Request.getPathInContext(request);
                if (path.equals("/api/tags")) {
                    write(response, callback, 200, "{\"models\":[{\"name\":\"llama3.2:3b\",\"model\":\"llama3.2:3b\","
                            + "\"size\":1,\"digest\":\"sha256:0123456789abcdef\",\"details\":{\"family\":\"llama\"}}]}");
                    return true;
                }
                if (path.equals("/api/chat")) {
                    chats.incrementAndGet();
                    if (!ScriptedBackend.this.chat.answer(response, callback)) {
                        return true; // never completes the callback: the request hangs until the proxy gives up
                    }
                    return true;
                }
                write(response, callback, 200, "Ollama is running");
                return true;
            }
        });
        server.start();
    }

    static void write(Response response, Callback callback, int status, String body) {
        response.setStatus(status);
        response.getHeaders().put("Content-Type", body.startsWith("{") ? "application/json" : "text/plain");
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + connector.getLocalPort());
    }

    void answerChatWith(ChatAnswer answer) {
        this.chat = answer;
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
