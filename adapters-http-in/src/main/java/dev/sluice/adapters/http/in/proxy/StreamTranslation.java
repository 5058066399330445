package dev.sluice.adapters.http.in.proxy;

import dev.sluice.adapters.http.in.dialect.BackendDialect;
import dev.sluice.adapters.http.in.dialect.ClientStream;
import dev.sluice.adapters.http.in.dialect.SseLines;
import dev.sluice.domain.conversation.ReplyDelta;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import org.eclipse.jetty.ee10.proxy.AsyncMiddleManServlet.ContentTransformer;

/**
 * Translates a streamed answer as it arrives: each buffer from the back end is cut into complete lines (a line
 * split across buffers waits for its end, nothing else waits), decoded, fed to the client's stream and whatever
 * that completes goes out in the same write. Nothing is held for a later buffer.
 */
final class StreamTranslation implements ContentTransformer {

    private final ProxyExchange exchange;
    private final SseLines lines = new SseLines();
    private final BackendDialect.StreamDecoder decoder;
    private final ClientStream client;

    StreamTranslation(ProxyExchange exchange, BackendDialect.StreamDecoder decoder, ClientStream client) {
        this.exchange = exchange;
        this.decoder = decoder;
        this.client = client;
    }

    @Override
    public void transform(ByteBuffer input, boolean finished, List<ByteBuffer> output) {
        exchange.bytesRelayed.addAndGet(input.remaining());
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        feed(lines.feed(input), out);
        if (finished) {
            feed(lines.flush(), out);
            out.writeBytes(client.end());
        }
        if (out.size() > 0) {
            output.add(ByteBuffer.wrap(out.toByteArray()));
        }
    }

    private void feed(List<String> received, ByteArrayOutputStream out) {
        for (String line : received) {
            for (ReplyDelta delta : decoder.line(line)) {
                out.writeBytes(client.on(delta));
            }
        }
    }
}
