package dev.sluice.adapters.http.in.dialect;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import software.amazon.eventstream.Message;

/**
 * Cuts an AWS event stream ({@code application/vnd.amazon.eventstream}) into its messages as bytes arrive. Each
 * message starts with a 12-byte prelude (total length, headers length, prelude CRC32), then headers, payload and a
 * CRC32 of everything before it. Only the frame being read is held: a message cut between two reads at any byte
 * waits for its end, and every complete one is handed over at once. Decoding and both checksums are AWS's own
 * {@code eventstream} library; this class only finds where each message ends. Not thread-safe.
 */
final class EventStreamFrames {

    private static final int PRELUDE_LENGTH = 12;
    private static final int SMALLEST_MESSAGE = 16;
    // The format allows 128 KiB of headers and a 24 MiB payload (the library refuses more): no frame is larger.
    private static final int LARGEST_MESSAGE = 24 * 1024 * 1024 + 128 * 1024 + SMALLEST_MESSAGE;

    // A buffer grown for one large cut message is let go afterwards; a small one is kept for the next.
    private static final int KEPT_BUFFER = 64 * 1024;

    private byte[] held = new byte[0];
    private int heldLength;
    private String corruption;

    /**
     * The messages {@code input} completes, up to a corrupt one (a checksum that does not match, an impossible
     * length), after which nothing more is read: the stream cannot be resynchronised, and {@link #corruption()}
     * says why. Consumes all of {@code input}.
     */
    List<Message> feed(ByteBuffer input) {
        List<Message> messages = new ArrayList<>(2);
        if (corruption != null) {
            input.position(input.limit());
            return messages;
        }
        try {
            read(input, messages);
        } catch (IllegalArgumentException e) {
            corruption = e.getMessage();
            input.position(input.limit());
        }
        return messages;
    }

    /** Why the stream stopped being read, when a frame was corrupt. */
    java.util.Optional<String> corruption() {
        return java.util.Optional.ofNullable(corruption);
    }

    private void read(ByteBuffer input, List<Message> messages) {
        while (input.hasRemaining()) {
            if (heldLength == 0 && input.remaining() >= 4) {
                // The common case: whole messages straight from the buffer, nothing copied to be held.
                int total = totalLength(input, input.position());
                if (input.remaining() >= total) {
                    ByteBuffer frame = input.slice(input.position(), total);
                    input.position(input.position() + total);
                    messages.add(Message.decode(frame));
                    continue;
                }
            }
            int wanted = heldLength < 4 ? 4 - heldLength : totalLength(ByteBuffer.wrap(held), 0) - heldLength;
            int taken = Math.min(wanted, input.remaining());
            hold(input, taken);
            if (heldLength >= 4 && heldLength == totalLength(ByteBuffer.wrap(held), 0)) {
                messages.add(Message.decode(ByteBuffer.wrap(held, 0, heldLength)));
                heldLength = 0;
                if (held.length > KEPT_BUFFER) {
                    held = new byte[0];
                }
            }
        }
    }

    /** Whether a message was begun and not finished: a stream that ends now was cut. */
    boolean midMessage() {
        return heldLength > 0 && corruption == null;
    }

    private void hold(ByteBuffer input, int count) {
        int needed = heldLength + count;
        if (needed > held.length) {
            int size = heldLength < 4 ? Math.max(PRELUDE_LENGTH, needed) : totalLength(ByteBuffer.wrap(held), 0);
            held = Arrays.copyOf(held, Math.max(size, needed));
        }
        input.get(held, heldLength, count);
        heldLength += count;
    }

    private static int totalLength(ByteBuffer buffer, int at) {
        int total = buffer.getInt(at);
        if (total < SMALLEST_MESSAGE || total > LARGEST_MESSAGE) {
            throw new IllegalArgumentException("impossible event-stream message length " + Integer.toUnsignedLong(total));
        }
        return total;
    }
}
