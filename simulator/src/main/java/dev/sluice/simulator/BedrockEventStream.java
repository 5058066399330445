package dev.sluice.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Writes AWS event-stream messages ({@code application/vnd.amazon.eventstream}) as the Bedrock Runtime API
 * reference and the AWS event-stream encoding describe them: a prelude of total length (4 bytes, big-endian),
 * headers length (4) and the CRC32 of those 8 bytes, then the headers (name length byte, name, value type 7 for a
 * string, a 2-byte value length, value), the payload, and the CRC32 of everything before it. Written here from
 * the format's description, independently of the proxy's decoder, so that each checks the other.
 */
public final class BedrockEventStream {

    private static final byte STRING = 7;
    private static final ObjectMapper JSON = new ObjectMapper();

    private BedrockEventStream() {
    }

    /** A ConverseStream event: {@code :event-type}, {@code :content-type: application/json}, {@code :message-type: event}. */
    public static byte[] event(String eventType, String json) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(":event-type", eventType);
        headers.put(":content-type", "application/json");
        headers.put(":message-type", "event");
        return message(headers, json.getBytes(StandardCharsets.UTF_8));
    }

    /** A modelled error inside the stream ({@code throttlingException}, {@code modelStreamErrorException}, ...). */
    public static byte[] exception(String exceptionType, String message) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(":exception-type", exceptionType);
        headers.put(":content-type", "application/json");
        headers.put(":message-type", "exception");
        return message(headers, JSON.createObjectNode().put("message", message).toString()
                .getBytes(StandardCharsets.UTF_8));
    }

    /** One message with string headers, in the order given. */
    public static byte[] message(Map<String, String> headers, byte[] payload) {
        ByteArrayOutputStream headerBytes = new ByteArrayOutputStream();
        for (Map.Entry<String, String> header : headers.entrySet()) {
            byte[] name = header.getKey().getBytes(StandardCharsets.UTF_8);
            byte[] value = header.getValue().getBytes(StandardCharsets.UTF_8);
            headerBytes.write(name.length);
            headerBytes.writeBytes(name);
            headerBytes.write(STRING);
            headerBytes.write(value.length >>> 8);
            headerBytes.write(value.length & 0xff);
            headerBytes.writeBytes(value);
        }
        int total = 12 + headerBytes.size() + payload.length + 4;
        ByteBuffer frame = ByteBuffer.allocate(total);
        frame.putInt(total).putInt(headerBytes.size());
        frame.putInt((int) crc(frame.array(), 0, 8));
        frame.put(headerBytes.toByteArray()).put(payload);
        frame.putInt((int) crc(frame.array(), 0, total - 4));
        return frame.array();
    }

    private static long crc(byte[] bytes, int offset, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, offset, length);
        return crc.getValue();
    }
}
