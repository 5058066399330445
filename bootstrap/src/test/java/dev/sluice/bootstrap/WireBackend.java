package dev.sluice.bootstrap;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * A backend that answers one chat path with a fixed recording of a platform's real stream, chunk by chunk at a
 * fixed pace (on the server's scheduler), so a test knows every byte and when it left. Health and model-list
 * paths answer as the platform does.
 */
final class WireBackend implements AutoCloseable {

    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);
    final Map<String, String> lastHeaders = new ConcurrentHashMap<>();

    WireBackend(String chatPath, String contentType, List<String> chunks, long paceMillis, Map<String, String> gets)
            throws Exception {
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                String path = Request.getPathInContext(request);
                if (request.getMethod().equals("POST") && path.equals(chatPath)) {
                    request.getHeaders().forEach(f -> lastHeaders.put(f.getLowerCaseName(), f.getValue()));
                    response.setStatus(200);
                    response.getHeaders().put("Content-Type", contentType);
                    send(request, response, callback, chunks, 0, paceMillis);
                    return true;
                }
                String body = gets.get(path);
                response.setStatus(body == null ? 404 : 200);
                response.getHeaders().put("Content-Type", "application/json");
                response.write(true, ByteBuffer.wrap((body == null ? "{}" : body).getBytes(StandardCharsets.UTF_8)),
                        callback);
                return true;
            }
        });
        server.start();
    }

    private void send(Request request, Response response, Callback done, List<String> chunks, int index, long pace) {
        boolean last = index == chunks.size() - 1;
        response.write(last, ByteBuffer.wrap(chunks.get(index).getBytes(StandardCharsets.UTF_8)), Callback.from(() -> {
            if (last) {
                done.succeeded();
            } else {
                server.getScheduler().schedule(() -> send(request, response, done, chunks, index + 1, pace), pace,
                        TimeUnit.MILLISECONDS);
            }
        }, done::failed));
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + connector.getLocalPort());
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
