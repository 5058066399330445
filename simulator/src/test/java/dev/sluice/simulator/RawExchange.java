package dev.sluice.simulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * A POST over a bare socket whose answer is read byte by byte, for what an HTTP client hides under faults: whether
 * headers came without a body, and whether a body ended with its last chunk or with the connection simply closing.
 */
final class RawExchange implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;

    private RawExchange(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
    }

    static RawExchange post(SimulatedBackend backend, String path, String json) throws IOException {
        Socket socket = new Socket(ListeningServer.HOST, backend.port());
        socket.setSoTimeout((int) (TestHttp.TIMEOUT_SECONDS * 1000));
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        socket.getOutputStream().write(("POST " + path + " HTTP/1.1\r\nHost: " + ListeningServer.HOST + "\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().write(body);
        socket.getOutputStream().flush();
        return new RawExchange(socket);
    }

    /** Status line and headers, up to and without the blank line. */
    String head() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed before the end of the headers: " + head);
            }
            head.write(b);
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        return text.substring(0, text.length() - 4);
    }

    /** Everything after the headers until the server closes the connection (raw, chunk framing included). */
    String restUntilClosed() throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    /** A chunked body up to its terminating chunk, or as far as it got when the connection closed first. */
    Dechunked chunkedBody() throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        for (int b = in.read(); b >= 0; b = in.read()) {
            raw.write(b);
            if (b == '\n' && Dechunked.of(raw.toString(StandardCharsets.UTF_8)).terminated()) {
                break;
            }
        }
        return Dechunked.of(raw.toString(StandardCharsets.UTF_8));
    }

    /** Whether nothing at all arrives within {@code millis}; the connection is still open afterwards. */
    boolean silentFor(int millis) throws IOException {
        socket.setSoTimeout(millis);
        try {
            in.read();
            return false;
        } catch (SocketTimeoutException expected) {
            return true;
        } finally {
            socket.setSoTimeout((int) (TestHttp.TIMEOUT_SECONDS * 1000));
        }
    }

    /**
     * A chunked body as far as it got: the data of every chunk that arrived (a last, partial one included) and
     * whether the terminating zero-size chunk was among them.
     */
    record Dechunked(String data, boolean terminated) {

        static Dechunked of(String raw) {
            StringBuilder data = new StringBuilder();
            int at = 0;
            while (at < raw.length()) {
                int lineEnd = raw.indexOf("\r\n", at);
                if (lineEnd < 0) {
                    break;
                }
                int size = Integer.parseInt(raw.substring(at, lineEnd).trim(), 16);
                if (size == 0) {
                    return new Dechunked(data.toString(), true);
                }
                int start = lineEnd + 2;
                int end = Math.min(raw.length(), start + size);
                data.append(raw, start, end);
                at = end + 2;
            }
            return new Dechunked(data.toString(), false);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
