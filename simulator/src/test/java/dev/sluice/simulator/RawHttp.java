package dev.sluice.simulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One HTTP/1.1 POST over a bare socket, for what HTTP clients hide: where the chunks of a chunked body begin
 * and end. Real servers put one event per chunk, or several (llama.cpp's first chunk), and a proxy must not
 * assume either; tests pin which the simulator does. Every read has the shared timeout.
 */
final class RawHttp {

    private RawHttp() {
    }

    /** The status, raw header lines, and the body as the server chunked it (one element if not chunked). */
    record Reply(int status, List<String> headerLines, List<String> chunks) {

        Optional<String> header(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            return headerLines.stream().filter(line -> line.toLowerCase(Locale.ROOT).startsWith(prefix))
                    .map(line -> line.substring(prefix.length()).trim()).findFirst();
        }

        String body() {
            return String.join("", chunks);
        }
    }

    static Reply post(SimulatedBackend backend, String path, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket(ListeningServer.HOST, backend.port())) {
            socket.setSoTimeout((int) (TestHttp.TIMEOUT_SECONDS * 1000));
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: " + ListeningServer.HOST + ":" + backend.port()
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            String statusLine = line(in);
            List<String> headers = new ArrayList<>();
            for (String header = line(in); !header.isEmpty(); header = line(in)) {
                headers.add(header);
            }
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            Reply head = new Reply(status, headers, List.of());
            // Keep-alive, as proxies talk: Jetty chunks a body of unknown length only when the connection stays open.
            List<String> chunks = head.header("Transfer-Encoding").filter("chunked"::equalsIgnoreCase).isPresent()
                    ? chunks(in) : List.of(new String(in.readNBytes(
                            Integer.parseInt(head.header("Content-Length").orElse("0"))), StandardCharsets.UTF_8));
            return new Reply(status, headers, chunks);
        }
    }

    private static List<String> chunks(InputStream in) throws IOException {
        List<String> chunks = new ArrayList<>();
        for (int size = Integer.parseInt(line(in).trim(), 16); size > 0; size = Integer.parseInt(line(in).trim(), 16)) {
            chunks.add(new String(in.readNBytes(size), StandardCharsets.UTF_8));
            line(in);
        }
        return chunks;
    }

    /** A CRLF-terminated line without its terminator. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed mid-line after: " + bytes);
            }
            if (b != '\r') {
                bytes.write(b);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
