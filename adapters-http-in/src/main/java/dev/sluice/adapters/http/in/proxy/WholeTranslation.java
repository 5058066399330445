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
            output.add(ByteBuffer.wrap(translate.apply(body.toByteArray())));
        }
    }
}
