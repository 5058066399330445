package dev.sluice.adapters.http.out;

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
 * A one-handler Jetty server on loopback for answers the simulator does not give: a {@code Retry-After}, a
 * body that never ends, a redirect.
 */
final class StubServer implements AutoCloseable {

    /** What the stub does with each request. */
    @FunctionalInterface
    interface Answer {
        void answer(Request request, Response response, Callback callback) throws Exception;
    }

    private final Server server;
    private final ServerConnector connector;

    private StubServer(Answer answer) {
        server = new Server();
        connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                answer.answer(request, response, callback);
                return true;
            }
        });
    }

    static StubServer start(Answer answer) {
        StubServer stub = new StubServer(answer);
        try {
            stub.server.start();
        } catch (Exception e) {
            throw new IllegalStateException("stub server did not start", e);
        }
        return stub;
    }

    /** Answers every request with this status, headers in name/value pairs, and a short text body. */
    static StubServer answering(int status, String... headerPairs) {
        return start((request, response, callback) -> {
            response.setStatus(status);
            for (int i = 0; i + 1 < headerPairs.length; i += 2) {
                response.getHeaders().put(headerPairs[i], headerPairs[i + 1]);
            }
            response.write(true, ByteBuffer.wrap("stub".getBytes(StandardCharsets.UTF_8)), callback);
        });
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/");
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("stub server did not stop", e);
        }
    }
}
