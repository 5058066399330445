package dev.sluice.adapters.http.in.proxy;

import java.nio.ByteBuffer;

/**
 * The last bytes of a response as it streams past, for reading token figures at the end (Olla keeps the last
 * 8 KiB too). Copies out of each buffer without moving its position, so the relay sends exactly what came in,
 * when it came in. Written by the one thread relaying at a time; read once the response is over.
 */
final class ResponseTail {

    static final int CAPACITY = 8192;

    private byte[] ring;
    private volatile long written;

    void keep(ByteBuffer input) {
        int length = input.remaining();
        if (length == 0) {
            return;
        }
        if (written + length <= CAPACITY) {
            // Still short: a linear buffer sized to the answer, so small answers never cost the full 8 KiB.
            grow((int) written + length);
            input.get(input.position(), ring, (int) written, length);
            written += length;
            return;
        }
        grow(CAPACITY);
        int skip = Math.max(0, length - CAPACITY);
        int from = input.position() + skip;
        int count = length - skip;
        int at = (int) ((written + skip) % CAPACITY);
        int first = Math.min(count, CAPACITY - at);
        input.get(from, ring, at, first);
        if (count > first) {
            input.get(from + first, ring, 0, count - first);
        }
        written += length;
    }

    // Growth happens only before the ring first wraps, while the kept bytes are still [0, written).
    private void grow(int needed) {
        if (ring == null) {
            ring = new byte[Math.min(CAPACITY, Math.max(512, Integer.highestOneBit(needed - 1) << 1))];
        } else if (ring.length < needed) {
            ring = java.util.Arrays.copyOf(ring, Math.min(CAPACITY, Math.max(ring.length * 2, needed)));
        }
    }

    /** Whether every byte of the response is in {@link #bytes()} (a small answer), not just its end. */
    boolean whole() {
        return written <= CAPACITY;
    }

    /** The kept bytes, oldest first. */
    byte[] bytes() {
        long total = written;
        if (ring == null || total == 0) {
            return new byte[0];
        }
        if (total <= CAPACITY) {
            return java.util.Arrays.copyOf(ring, (int) total);
        }
        byte[] out = new byte[CAPACITY];
        int start = (int) (total % CAPACITY);
        System.arraycopy(ring, start, out, 0, CAPACITY - start);
        System.arraycopy(ring, 0, out, CAPACITY - start, start);
        return out;
    }
}
