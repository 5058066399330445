package dev.sluice.adapters.http.in.proxy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.Function;
import org.eclipse.jetty.ee10.proxy.AsyncMiddleManServlet.ContentTransformer;

/**
 * Translates a non-streamed answer (a reply or an error body): one JSON document, so it is read to its end, then
 * rewritten whole. Streams never come here.
 */
final class WholeTranslation implements ContentTransformer {

    private final ProxyExchange exchange;
    private final Function<byte[], byte[]> translate;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    WholeTranslation(ProxyExchange exchange, Function<byte[], byte[]> translate) {
        this.exchange = exchange;
        this.translate = translate;
    }

    @Override
    public void transform(ByteBuffer input, boolean finished, List<ByteBuffer> output) {
        exchange.bytesRelayed.addAndGet(input.remaining());
        byte[] chunk = new byte[input.remaining()];
        input.get(chunk);
        body.writeBytes(chunk);
        if (finished) {
            byte[] translated;
            try {
                translated = translate.apply(body.toByteArray());
            } catch (Unreadable e) {
                // Nothing was written yet (the answer is rewritten whole), so the status can still say what happened.
                exchange.answerStatusInstead(e.status);
                translated = e.body;
            }
            output.add(ByteBuffer.wrap(translated));
        }
    }

    /** The backend said 2xx but its answer cannot be translated: the client gets {@code body} with {@code status}. */
    static final class Unreadable extends RuntimeException {
        private final int status;
        private final transient byte[] body;

        Unreadable(int status, byte[] body, String message) {
            super(message, null, false, false);
            this.status = status;
            this.body = body;
        }
    }
}
