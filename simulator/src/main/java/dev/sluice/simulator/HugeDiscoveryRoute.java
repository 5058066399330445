package dev.sluice.simulator;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Streams a model list of about 50 MB without ever holding it: each chunk is rendered when Jetty asks for it.
 * The document is valid JSON in the platform's list shape, so only a size cap (not a parse error) stops a
 * client from swallowing it whole.
 */
final class HugeDiscoveryRoute implements Route {

    static final long TARGET_BYTES = 50L * 1024 * 1024;
    private static final int ENTRIES_PER_CHUNK = 512;

    private final String listField;

    HugeDiscoveryRoute(String listField) {
        this.listField = listField;
    }

    @Override
    public void handle(Exchange exchange) {
        int entryBytes = entry(0).length() + 1;
        int chunks = (int) (TARGET_BYTES / ((long) entryBytes * ENTRIES_PER_CHUNK)) + 1;
        exchange.beginStream(200, exchange.stack().jsonContentType());
        new PacedWriter(exchange, new Chunks(listField, chunks), Duration.ZERO).iterate();
    }

    /** Same length for every index (zero-padded), so the size estimate above holds for the whole body. */
    private static String entry(int index) {
        return String.format("{\"id\":\"padding-model-%09d\",\"name\":\"padding-model-%09d\",\"object\":\"model\","
                + "\"owned_by\":\"simulator\",\"description\":\"%s\"}", index, index, "x".repeat(40));
    }

    private static final class Chunks implements PacedWriter.Chunks {
        private final String listField;
        private final int middleChunks;

        Chunks(String listField, int middleChunks) {
            this.listField = listField;
            this.middleChunks = middleChunks;
        }

        @Override
        public int count() {
            return middleChunks + 2;
        }

        @Override
        public ByteBuffer chunk(int index) {
            if (index == 0) {
                return utf8("{\"" + listField + "\":[");
            }
            if (index == middleChunks + 1) {
                return utf8("]}");
            }
            StringBuilder text = new StringBuilder();
            int first = (index - 1) * ENTRIES_PER_CHUNK;
            for (int i = first; i < first + ENTRIES_PER_CHUNK; i++) {
                text.append(i == 0 ? "" : ",").append(entry(i));
            }
            return utf8(text.toString());
        }

        private static ByteBuffer utf8(String text) {
            return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        }
    }
}
