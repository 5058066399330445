package dev.sluice.benchmarks.mock;

import org.eclipse.jetty.http.HttpFields;

/**
 * How one mock answer is shaped: chunk count and size, the pause between chunks and the time to the first token.
 * The mock's command line sets the defaults; a request may override each with an {@code X-Bench-*} header, so one
 * mock process serves every scenario and the proxy in front of it (which forwards such headers) never restarts.
 *
 * @param chunks       content chunks in a streamed answer
 * @param chunkBytes   bytes of generated text per chunk (the frame around it adds ~150 bytes of JSON)
 * @param delayMillis  pause before each chunk after the first
 * @param ttftMillis   pause before the first chunk (time to first token)
 */
public record Script(int chunks, int chunkBytes, long delayMillis, long ttftMillis) {

    public static final String CHUNKS = "X-Bench-Chunks";
    public static final String CHUNK_BYTES = "X-Bench-Chunk-Bytes";
    public static final String DELAY = "X-Bench-Chunk-Delay-Ms";
    public static final String TTFT = "X-Bench-Ttft-Ms";

    public Script {
        if (chunks < 1 || chunkBytes < 1 || chunkBytes > 1 << 20 || delayMillis < 0 || ttftMillis < 0) {
            throw new IllegalArgumentException("bad script: " + chunks + " chunks of " + chunkBytes + " bytes, "
                    + delayMillis + " ms apart, first after " + ttftMillis + " ms");
        }
    }

    /** This script with whatever the request's headers override; a malformed header is ignored. */
    Script overriddenBy(HttpFields headers) {
        return new Script((int) number(headers, CHUNKS, chunks), (int) number(headers, CHUNK_BYTES, chunkBytes),
                number(headers, DELAY, delayMillis), number(headers, TTFT, ttftMillis));
    }

    private static long number(HttpFields headers, String name, long fallback) {
        String value = headers.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
