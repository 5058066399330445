package dev.sluice.simulator;

import java.nio.ByteBuffer;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Lets a route's first body write through, then sends half of the next and takes the exchange over: either ends
 * the response cleanly there or aborts the connection. What comes before the cut is the platform's own bytes, so a
 * cut stream ends mid-event in whatever framing the route uses (SSE, NDJSON, one JSON object).
 *
 * <p>The route keeps writing into this wrapper until its next write is refused; the refusal (a failed callback)
 * stops its {@link PacedWriter}, and the route's own completion is then ignored, so the real callback is completed
 * exactly once, here.
 */
final class StreamCutter extends Response.Wrapper {

    /** What happens to the connection once the half write has gone out. */
    enum Ending {
        /** A proper end of body: the client sees a complete, if short, response. */
        CLEAN,
        /** No end of body: the connection is closed under the client, as when a process dies. */
        ABORT
    }

    /** Body writes passed whole before the cut: enough for a client to see the stream has started. */
    private static final int WHOLE_WRITES = 1;

    private final Exchange exchange;
    private final Ending ending;
    private final AtomicBoolean finished = new AtomicBoolean();
    private int passed;

    private StreamCutter(Exchange exchange, Ending ending) {
        super(exchange.response().getRequest(), exchange.response());
        this.exchange = exchange;
        this.ending = ending;
    }

    /** Runs {@code route} with its answer cut as {@code ending} says. */
    static void run(Route route, Exchange exchange, Ending ending) throws Exception {
        StreamCutter cutter = new StreamCutter(exchange, ending);
        route.handle(exchange.withResponse(cutter, Callback.from(cutter::routeSucceeded, cutter::routeFailed)));
    }

    @Override
    public void write(boolean last, ByteBuffer content, Callback callback) {
        if (finished.get()) {
            callback.failed(new CancellationException("stream already cut by a simulated fault"));
            return;
        }
        boolean empty = !content.hasRemaining();
        if (empty && !last) {
            getWrapped().write(false, content, callback);
            return;
        }
        if (!empty && !last && passed < WHOLE_WRITES) {
            passed++;
            getWrapped().write(false, content, callback);
            return;
        }
        cut(content);
        callback.failed(new CancellationException("stream cut by a simulated fault"));
    }

    private void cut(ByteBuffer content) {
        finished.set(true);
        ByteBuffer half = content.slice();
        half.limit(half.remaining() / 2);
        Callback real = exchange.callback();
        if (ending == Ending.CLEAN) {
            // A sized body cut short would be a protocol error, not a clean end: let Jetty chunk it instead.
            if (!isCommitted()) {
                getHeaders().remove(HttpHeader.CONTENT_LENGTH);
            }
            getWrapped().write(true, half, real);
            return;
        }
        // Failing the handler's callback after the commit makes Jetty close the connection without a last chunk.
        getWrapped().write(false, half, Callback.from(
                () -> real.failed(new CancellationException("connection dropped by a simulated fault")), real::failed));
    }

    private void routeSucceeded() {
        if (finished.compareAndSet(false, true)) {
            // The route finished inside its first write (a tiny body): cut at the end instead, with nothing to halve.
            cut(ByteBuffer.allocate(0));
        }
    }

    private void routeFailed(Throwable failure) {
        if (finished.compareAndSet(false, true)) {
            exchange.callback().failed(failure);
        }
    }
}
