package dev.sluice.adapters.http.in.proxy;

import dev.sluice.adapters.http.in.dialect.BackendDialect;
import dev.sluice.adapters.http.in.dialect.ClientStream;
import dev.sluice.domain.conversation.ReplyDelta;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import org.eclipse.jetty.ee10.proxy.AsyncMiddleManServlet.ContentTransformer;

/**
 * Translates a streamed answer as it arrives: each buffer from the back end goes to the dialect's reader, which
 * completes whatever lines or frames it can (one cut between buffers waits for its end, nothing else waits); the
 * deltas are fed to the client's stream and whatever that completes goes out in the same write. Nothing is held
 * for a later buffer.
 */
final class StreamTranslation implements ContentTransformer {

    private final ProxyExchange exchange;
    private final BackendDialect.StreamReader reader;
    private final ClientStream client;

    StreamTranslation(ProxyExchange exchange, BackendDialect.StreamReader reader, ClientStream client) {
        this.exchange = exchange;
        this.reader = reader;
        this.client = client;
    }

    @Override
    public void transform(ByteBuffer input, boolean finished, List<ByteBuffer> output) {
        exchange.bytesRelayed.addAndGet(input.remaining());
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        feed(reader.feed(input), out);
        if (finished) {
            feed(reader.end(), out);
            out.writeBytes(client.end());
        }
        if (out.size() > 0) {
            output.add(ByteBuffer.wrap(out.toByteArray()));
        }
    }

    private void feed(List<ReplyDelta> deltas, ByteArrayOutputStream out) {
        for (ReplyDelta delta : deltas) {
            out.writeBytes(client.on(delta));
        }
    }
}
