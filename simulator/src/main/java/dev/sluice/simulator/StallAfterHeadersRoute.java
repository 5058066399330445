package dev.sluice.simulator;

import java.nio.ByteBuffer;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@link ChatFault#STALL_AFTER_HEADERS}: runs the platform's route so the status and headers are its own, commits
 * them at the route's first write, and then never lets a byte of body out nor tells the route its write finished.
 * The route waits forever on that write; no thread is held, and stopping the backend closes the connection.
 */
final class StallAfterHeadersRoute implements Route {

    private final Route chat;

    StallAfterHeadersRoute(Route chat) {
        this.chat = chat;
    }

    @Override
    public void handle(Exchange exchange) throws Exception {
        chat.handle(exchange.withResponse(new HeadersOnly(exchange), exchange.callback()));
    }

    /** Turns the first write into a flush of the headers alone, and swallows every write after it. */
    private static final class HeadersOnly extends Response.Wrapper {

        private boolean flushed;

        HeadersOnly(Exchange exchange) {
            super(exchange.response().getRequest(), exchange.response());
        }

        @Override
        public void write(boolean last, ByteBuffer content, Callback callback) {
            if (!flushed) {
                flushed = true;
                // last=false keeps the response open; the empty write commits status and headers to the wire.
                getWrapped().write(false, ByteBuffer.allocate(0), Callback.NOOP);
            }
            // The route's callback is never completed: its stream is frozen where it stood.
        }
    }
}
