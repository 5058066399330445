package dev.sluice.adapters.http.in.proxy;

import java.nio.ByteBuffer;
import java.util.List;
import org.eclipse.jetty.ee10.proxy.AsyncMiddleManServlet;

/**
 * Relays a backend's body to the client. Streamed responses pass each buffer straight through (no copy, no wait);
 * non-streamed ones ({@code proxy.profile: standard}, or binary content under {@code auto}) are gathered into
 * writes of {@code stream_buffer_size}. Counts the bytes either way.
 */
final class RelayTransformer implements AsyncMiddleManServlet.ContentTransformer {

    private final ProxyExchange exchange;
    private final boolean stream;
    private final int gatherSize;
    private ByteBuffer gathered;

    RelayTransformer(ProxyExchange exchange, boolean stream, int gatherSize) {
        this.exchange = exchange;
        this.stream = stream;
        this.gatherSize = Math.max(1024, gatherSize);
    }

    @Override
    public void transform(ByteBuffer input, boolean finished, List<ByteBuffer> output) {
        exchange.relayed(input);
        if (stream) {
            if (input.hasRemaining()) {
                output.add(input);
            }
            return;
        }
        while (input.hasRemaining()) {
            if (gathered == null) {
                gathered = ByteBuffer.allocate(gatherSize);
            }
            int n = Math.min(gathered.remaining(), input.remaining());
            ByteBuffer slice = input.slice();
            slice.limit(n);
            gathered.put(slice);
            input.position(input.position() + n);
            if (!gathered.hasRemaining()) {
                output.add(gathered.flip());
                gathered = null;
            }
        }
        if (finished && gathered != null && gathered.position() > 0) {
            output.add(gathered.flip());
            gathered = null;
        }
    }
}
