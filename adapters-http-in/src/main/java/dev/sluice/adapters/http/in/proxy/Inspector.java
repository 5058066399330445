package dev.sluice.adapters.http.in.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code translators.anthropic.inspector}: a development aid that writes each Anthropic request and the answer the
 * client got to {@code <output_dir>/<session>/}, where the session is the value of {@code session_header}
 * (characters other than letters, digits, '.', '_' and '-' replaced by '_'; {@code no-session} without one).
 * Each request gives {@code <time>_<request id>_request.json} ({@code timestamp, request_id, session_id, method,
 * path, headers, body}) and {@code <time>_<request id>_response.json} ({@code timestamp, request_id, mode,
 * endpoint, status, body} or, for a stream, {@code events} as the SSE text). Credentials are never written: the
 * values of Authorization, Proxy-Authorization, X-Api-Key, X-Auth-Token and Cookie headers become
 * {@code [REDACTED]}. Answers are captured up to {@code max_message_size} bytes. Files are written by the request's
 * own thread at its end: switch this off in production.
 */
final class Inspector {

    private static final Logger LOG = LoggerFactory.getLogger(Inspector.class);
    private static final Set<String> SECRET = Set.of("authorization", "proxy-authorization", "x-api-key",
            "x-auth-token", "cookie");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS")
            .withZone(ZoneOffset.UTC);

    private final boolean enabled;
    private final Path dir;
    private final String sessionHeader;
    private final long maxCapture;
    private final ObjectMapper json;
    private final Clock clock;

    Inspector(TranslatorSettings settings, ObjectMapper json, Clock clock) {
        this.enabled = settings.inspectorEnabled();
        this.dir = settings.inspectorDir();
        this.sessionHeader = settings.sessionHeader();
        this.maxCapture = settings.maxMessageSize();
        this.json = json;
        this.clock = clock;
    }

    /** Writes the request and returns the capture its answer goes to; empty when the inspector is off. */
    Optional<Capture> open(HttpServletRequest request, String requestId, byte[] body) {
        if (!enabled) {
            return Optional.empty();
        }
        String session = Optional.ofNullable(request.getHeader(sessionHeader)).filter(s -> !s.isBlank())
                .map(s -> s.replaceAll("[^A-Za-z0-9._-]", "_")).orElse("no-session");
        String id = requestId == null ? Long.toString(clock.millis()) : requestId.replaceAll("[^A-Za-z0-9._-]", "_");
        Path base = dir.resolve(session);
        String prefix = STAMP.format(clock.instant()) + "_" + id;
        ObjectNode record = json.createObjectNode().put("timestamp", clock.instant().toString())
                .put("request_id", requestId).put("session_id", session).put("method", request.getMethod())
                .put("path", request.getRequestURI());
        ObjectNode headers = record.putObject("headers");
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name, SECRET.contains(name.toLowerCase(Locale.ROOT)) ? "[REDACTED]" : request.getHeader(name));
        }
        record.set("body", parsed(body));
        write(base.resolve(prefix + "_request.json"), record);
        return Optional.of(new Capture(base.resolve(prefix + "_response.json"), requestId));
    }

    private JsonNode parsed(byte[] body) {
        try {
            JsonNode node = json.readTree(body);
            return node == null ? json.getNodeFactory().textNode("") : node;
        } catch (IOException e) {
            return json.getNodeFactory().textNode(new String(body, StandardCharsets.UTF_8));
        }
    }

    private void write(Path file, ObjectNode record) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(record));
        } catch (IOException e) {
            LOG.warn("inspector could not write {}: {}", file, e.toString());
        }
    }

    /** One answer being captured. Fed from one response's transformer, never concurrently. */
    final class Capture {
        private final Path file;
        private final String requestId;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private String mode = "";
        private String endpoint = "";
        private int status;
        private boolean stream;

        private Capture(Path file, String requestId) {
            this.file = file;
            this.requestId = requestId;
        }

        void served(String newMode, String newEndpoint, int newStatus, boolean newStream) {
            this.mode = newMode;
            this.endpoint = newEndpoint;
            this.status = newStatus;
            this.stream = newStream;
            bytes.reset();
        }

        void add(java.nio.ByteBuffer buffer) {
            int room = (int) Math.max(0, Math.min(Integer.MAX_VALUE, maxCapture - bytes.size()));
            java.nio.ByteBuffer view = buffer.duplicate();
            int n = Math.min(room, view.remaining());
            byte[] copy = new byte[n];
            view.get(copy);
            bytes.write(copy, 0, n);
        }

        void close() {
            ObjectNode record = json.createObjectNode().put("timestamp", clock.instant().toString())
                    .put("request_id", requestId).put("mode", mode).put("endpoint", endpoint).put("status", status);
            if (stream) {
                record.put("events", bytes.toString(StandardCharsets.UTF_8));
            } else {
                record.set("body", parsed(bytes.toByteArray()));
            }
            write(file, record);
        }
    }
}
