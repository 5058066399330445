package dev.sluice.adapters.http.in.tokens;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.domain.metrics.TokenFormulas;
import dev.sluice.domain.metrics.TokenUsage;
import dev.sluice.domain.profile.MetricsExtraction;
import dev.sluice.domain.profile.Profile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads token figures from the end of an answer, after it was relayed: a whole JSON body, or the last events
 * of an NDJSON or SSE stream. The profile's {@code metrics.extraction} decides where to look; when it is absent,
 * disabled or finds nothing, the built-in readings for OpenAI {@code usage}, Anthropic {@code usage}, Ollama
 * {@code eval_count} and llama.cpp {@code timings} are tried. Thread-safe; compiled profiles are cached.
 */
public final class TokenReader {

    private static final Logger LOG = LoggerFactory.getLogger(TokenReader.class);
    // A stream's figures are in its last few events; looking further back only costs time.
    private static final int EVENTS_TRIED = 6;

    private final ObjectReader reader;
    private final Map<String, List<Reading>> byProfile = new ConcurrentHashMap<>();
    private final List<Reading> builtIn;

    public TokenReader(ObjectMapper mapper) {
        // Strict: an NDJSON stream must not pass for a JSON body by its first line.
        this.reader = mapper.readerFor(JsonNode.class).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.builtIn = BuiltInReadings.ALL.stream().map(Reading::of).toList();
    }

    /**
     * @param tail  the last bytes of the answer
     * @param whole whether {@code tail} is the entire body (so a pretty-printed JSON body can be parsed whole)
     */
    public TokenUsage read(Profile profile, byte[] tail, boolean whole) {
        if (tail.length == 0) {
            return TokenUsage.NONE;
        }
        List<Reading> readings = byProfile.get(profile.name());
        if (readings == null) {
            readings = byProfile.computeIfAbsent(profile.name(), name -> readingsFor(profile));
        }
        for (JsonNode document : documents(tail, whole)) {
            for (Reading reading : readings) {
                TokenUsage usage = reading.apply(document);
                if (!usage.isEmpty()) {
                    return usage;
                }
            }
        }
        return TokenUsage.NONE;
    }

    private List<Reading> readingsFor(Profile profile) {
        List<Reading> readings = new ArrayList<>();
        MetricsExtraction extraction = profile.metricsExtraction();
        if (extraction.enabled() && !extraction.paths().isEmpty()) {
            try {
                readings.add(Reading.of(extraction));
            } catch (IllegalArgumentException e) {
                LOG.warn("profile {}: metrics.extraction ignored: {}", profile.name(), e.getMessage());
            }
        }
        readings.addAll(builtIn);
        return List.copyOf(readings);
    }

    // Newest first: the whole body when it parses, else each NDJSON line or SSE data line from the end.
    private List<JsonNode> documents(byte[] tail, boolean whole) {
        List<JsonNode> documents = new ArrayList<>();
        // A failed parse throws, which costs more than the rest: try the whole body only when it looks like one
        // JSON document (starts with '{', no line starting with '{' after it, as NDJSON would have).
        if (whole && looksLikeOneDocument(tail)) {
            JsonNode body = parse(tail, 0, tail.length);
            if (body != null) {
                documents.add(body);
                return documents;
            }
            // Not one JSON document: a short stream, read line by line below.
        }
        int end = tail.length;
        while (end > 0 && documents.size() < EVENTS_TRIED) {
            int start = end - 1;
            while (start >= 0 && tail[start] != '\n') {
                start--;
            }
            int from = start + 1;
            int to = end;
            while (to > from && (tail[to - 1] == '\r' || tail[to - 1] == ' ')) {
                to--;
            }
            if (to - from > 5 && startsWith(tail, from, "data:")) {
                from += 5;
            }
            while (from < to && tail[from] == ' ') {
                from++;
            }
            if (from < to && tail[from] == '{') {
                JsonNode node = parse(tail, from, to - from);
                if (node != null) {
                    documents.add(node);
                }
            }
            end = start;
        }
        return documents;
    }

    private static boolean looksLikeOneDocument(byte[] bytes) {
        int i = 0;
        while (i < bytes.length && Character.isWhitespace(bytes[i])) {
            i++;
        }
        if (i == bytes.length || bytes[i] != '{') {
            return false;
        }
        for (int j = i + 1; j < bytes.length - 1; j++) {
            if (bytes[j] == '\n' && bytes[j + 1] == '{') {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] bytes, int at, String prefix) {
        byte[] p = prefix.getBytes(StandardCharsets.US_ASCII);
        if (at + p.length > bytes.length) {
            return false;
        }
        for (int i = 0; i < p.length; i++) {
            if (bytes[at + i] != p[i]) {
                return false;
            }
        }
        return true;
    }

    private JsonNode parse(byte[] bytes, int offset, int length) {
        try {
            JsonNode node = reader.readValue(bytes, offset, length);
            return node != null && node.isObject() ? node : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /** One extraction compiled: JSON pointers per figure, and the formulas over them. */
    private record Reading(Map<String, JsonPointer> pointers, TokenFormulas formulas) {

        static Reading of(MetricsExtraction extraction) {
            Map<String, JsonPointer> pointers = new LinkedHashMap<>();
            extraction.paths().forEach((name, path) -> pointers.put(name, JsonPaths.toPointer(path)));
            return new Reading(pointers, TokenFormulas.of(extraction));
        }

        TokenUsage apply(JsonNode document) {
            Map<String, Double> figures = new HashMap<>();
            pointers.forEach((name, pointer) -> {
                JsonNode value = document.at(pointer);
                if (value.isNumber()) {
                    figures.put(name, value.doubleValue());
                }
            });
            return formulas.usage(figures);
        }
    }
}
