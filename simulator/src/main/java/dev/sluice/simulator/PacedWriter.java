package dev.sluice.simulator;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.util.IteratingCallback;

/**
 * Writes a body chunk by chunk, each one sent (flushed) before the next is produced, optionally pausing between
 * them. Built on {@link IteratingCallback} so that thousands of chunks neither recurse nor block a thread, and
 * pauses sit on Jetty's scheduler: a slow stream costs no thread while it waits.
 */
final class PacedWriter extends IteratingCallback {

    /** A body as numbered chunks, rendered on demand. */
    interface Chunks {
        int count();

        ByteBuffer chunk(int index);

        /**
         * Whether the pause comes before this chunk. Real servers flush several writes per generation step (an
         * event each) with no delay between them; only the steps themselves are paced.
         */
        default boolean pausedBefore(int index) {
            return true;
        }
    }

    private final Exchange exchange;
    private final Chunks chunks;
    private final Duration pause;
    private int next;
    private boolean pauseDue;
    private boolean lastWritten;

    PacedWriter(Exchange exchange, Chunks chunks, Duration pause) {
        this.exchange = exchange;
        this.chunks = chunks;
        this.pause = pause;
    }

    @Override
    protected Action process() {
        if (next == chunks.count()) {
            if (lastWritten) {
                return Action.SUCCEEDED;
            }
            lastWritten = true;
            // An empty last write ends the chunked body; every real chunk went out with last=false.
            exchange.response().write(true, ByteBuffer.allocate(0), this);
            return Action.SCHEDULED;
        }
        if (pauseDue) {
            pauseDue = false;
            exchange.scheduler().schedule(this::succeeded, pause.toNanos(), TimeUnit.NANOSECONDS);
            return Action.SCHEDULED;
        }
        ByteBuffer chunk = chunks.chunk(next++);
        pauseDue = !pause.isZero() && next < chunks.count() && chunks.pausedBefore(next);
        exchange.response().write(false, chunk, this);
        return Action.SCHEDULED;
    }

    @Override
    protected void onCompleteSuccess() {
        exchange.callback().succeeded();
    }

    @Override
    protected void onCompleteFailure(Throwable cause) {
        // Typically the client hung up mid-stream; failing the callback makes Jetty abort the connection.
        exchange.callback().failed(cause);
    }
}
