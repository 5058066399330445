package dev.sluice.adapters.http.in.proxy;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prints the CPU cost of translating one upstream OpenAI event into Anthropic events (split, parse, state
 * machine, encode), on the recorded agent stream. A benchmark, not a test: run its {@code main}.
 */
public final class StreamTranslationBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(StreamTranslationBenchmark.class);

    private StreamTranslationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        byte[] upstream = StreamTranslationGoldenTest.resource("openai-agent-stream.sse");
        String[] events = new String(upstream, java.nio.charset.StandardCharsets.UTF_8).split("(?<=\\n\\n)");
        List<ByteBuffer> output = new ArrayList<>();
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        byte[][] chunks = new byte[events.length][];
        for (int i = 0; i < events.length; i++) {
            chunks[i] = events[i].getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        for (int pass = 0; pass < 3; pass++) {
            long start = System.nanoTime();
            long bytes = 0;
            for (int r = 0; r < rounds; r++) {
                StreamTranslation translation = StreamTranslationGoldenTest.newTranslation();
                for (byte[] chunk : chunks) {
                    translation.transform(ByteBuffer.wrap(chunk), false, output);
                }
                translation.transform(ByteBuffer.allocate(0), true, output);
                for (ByteBuffer b : output) {
                    bytes += b.remaining();
                }
                output.clear();
            }
            long nanos = System.nanoTime() - start;
            String line = String.format("pass %d: %.0f ns per upstream event (%d events x %d streams, %d bytes out)",
                    pass, nanos / (double) (rounds * (long) chunks.length), chunks.length, rounds, bytes);
            LOG.info(line);
            System.err.println(line);
        }
    }
}
