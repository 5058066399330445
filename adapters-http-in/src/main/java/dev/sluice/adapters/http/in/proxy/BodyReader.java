package dev.sluice.adapters.http.in.proxy;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * Reads a request body with servlet async I/O (no thread waits for a slow client), up to a cap. Bodies are small
 * JSON, read whole so routing can see the model. A body that grows past the cap is read on and thrown away, up to
 * {@link #DRAIN_LIMIT} more bytes, before {@link Outcome#tooLarge} is called: answering while the client is still
 * sending makes the server's close reset the connection, and the client never sees the 413 (nginx's lingering close
 * exists for the same reason). Past the drain limit the refusal goes out at once and the connection is closed.
 */
final class BodyReader implements ReadListener {

    /** How a read ended. */
    interface Outcome {
        void complete(byte[] body);

        void tooLarge();

        void failed(Throwable failure);
    }

    private final ServletInputStream input;
    private final long maxBytes;
    private final Outcome outcome;
    private final ByteArrayOutputStream body;
    private final byte[] buffer;
    private long discarded;
    private boolean overflowed;
    private boolean done;

    /** How much of an oversized body is read and thrown away so its refusal reaches the client. */
    static final long DRAIN_LIMIT = 16L << 20;

    private BodyReader(ServletInputStream input, long maxBytes, int expected, Outcome outcome) {
        this.input = input;
        this.maxBytes = maxBytes;
        this.outcome = outcome;
        this.body = new ByteArrayOutputStream(Math.max(256, Math.min(expected, 1 << 20)));
        // Chat bodies are a few hundred bytes: an 8 KiB scratch array per request was most of admission's garbage.
        this.buffer = new byte[expected > 0 ? Math.min(expected, 8192) : 8192];
    }

    /**
     * Starts reading; {@code outcome} is called exactly once, on a container thread, unless the read is
     * {@link #abandon abandoned} first.
     */
    static BodyReader read(ServletInputStream input, long maxBytes, int expectedLength, Outcome outcome) {
        BodyReader reader = new BodyReader(input, maxBytes, Math.max(0, expectedLength), outcome);
        input.setReadListener(reader);
        return reader;
    }

    @Override
    public void onDataAvailable() throws IOException {
        while (!done && input.isReady()) {
            int n = input.read(buffer);
            if (n < 0) {
                return;
            }
            if (overflowed || maxBytes > 0 && body.size() + (long) n > maxBytes) {
                overflowed = true;
                discarded += n;
                if (discarded > DRAIN_LIMIT) {
                    finish(() -> outcome.tooLarge());
                    return;
                }
                continue;
            }
            body.write(buffer, 0, n);
        }
    }

    @Override
    public void onAllDataRead() {
        if (overflowed) {
            finish(() -> outcome.tooLarge());
            return;
        }
        finish(() -> outcome.complete(body.toByteArray()));
    }

    @Override
    public void onError(Throwable failure) {
        finish(() -> outcome.failed(failure));
    }

    private synchronized void finish(Runnable action) {
        if (!done) {
            done = true;
            action.run();
        }
    }

    /** Gives up on a body that is taking too long; true when the read had not finished yet. */
    synchronized boolean abandon() {
        if (done) {
            return false;
        }
        done = true;
        return true;
    }
}
