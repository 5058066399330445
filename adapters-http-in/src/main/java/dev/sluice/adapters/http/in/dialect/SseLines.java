package dev.sluice.adapters.http.in.dialect;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a server-sent-event byte stream into complete lines as buffers arrive. A line cut between two network
 * reads is held until its end arrives, so a decoder never sees half a JSON object; complete lines are returned at
 * once. Accepts LF and CRLF endings.
 */
public final class SseLines {

    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();

    /** The payload of a {@code data:} line, trimmed; empty for any other line and for an empty payload. */
    public static java.util.Optional<String> data(String line) {
        if (!line.startsWith("data:")) {
            return java.util.Optional.empty();
        }
        String data = line.substring(5).trim();
        return data.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(data);
    }

    /** The complete lines in {@code input} (plus any held from before), without their line endings. */
    public List<String> feed(ByteBuffer input) {
        List<String> lines = new ArrayList<>();
        byte[] bytes;
        int offset;
        int end;
        if (input.hasArray()) {
            bytes = input.array();
            offset = input.arrayOffset() + input.position();
            end = offset + input.remaining();
        } else {
            bytes = new byte[input.remaining()];
            input.duplicate().get(bytes);
            offset = 0;
            end = bytes.length;
        }
        int start = offset;
        for (int i = offset; i < end; i++) {
            if (bytes[i] == '\n') {
                if (partial.size() == 0) {
                    lines.add(decode(bytes, start, i - start));
                } else {
                    partial.write(bytes, start, i - start);
                    lines.add(take());
                }
                start = i + 1;
            }
        }
        partial.write(bytes, start, end - start);
        input.position(input.limit());
        return lines;
    }

    /** What is left when the stream ends without a final newline. */
    public List<String> flush() {
        return partial.size() == 0 ? List.of() : List.of(take());
    }

    private String take() {
        byte[] bytes = partial.toByteArray();
        partial.reset();
        return decode(bytes, 0, bytes.length);
    }

    private static String decode(byte[] bytes, int offset, int length) {
        int n = length > 0 && bytes[offset + length - 1] == '\r' ? length - 1 : length;
        return new String(bytes, offset, n, StandardCharsets.UTF_8);
    }
}
