package dev.sluice.adapters.http.out;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.application.port.out.ModelDiscoveryException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Lenient reading of model-list JSON shared by every parser. Platforms disagree on where the list lives
 * ({@code data}, {@code models}, a bare array) and on field types (llama.cpp sends {@code "size":""}, others
 * numbers as strings), and a proxy that rejects a whole list over one odd field is what made Olla's lemonade
 * models disappear; so each reader here returns "absent" rather than failing.
 */
final class ModelEntries {

    private ModelEntries() {
    }

    /**
     * The list's entries: {@code root} itself when it is an array, else the first of {@code fields} that holds
     * an array.
     *
     * @throws ModelDiscoveryException when no such array exists
     */
    static List<JsonNode> find(JsonNode root, String... fields) {
        return findOptional(root, fields)
                .orElseThrow(() -> new ModelDiscoveryException("no model list in answer"));
    }

    static Optional<List<JsonNode>> findOptional(JsonNode root, String... fields) {
        if (root.isArray()) {
            return Optional.of(elements(root));
        }
        for (String field : fields) {
            JsonNode candidate = root.path(field);
            if (candidate.isArray()) {
                return Optional.of(elements(candidate));
            }
        }
        return Optional.empty();
    }

    /** The first of {@code fields} whose value is non-blank text or a number, trimmed; empty if none. */
    static String text(JsonNode node, String... fields) {
        for (String field : fields) {
            JsonNode value = node.path(field);
            if ((value.isTextual() || value.isNumber()) && !value.asText().isBlank()) {
                return value.asText().trim();
            }
        }
        return "";
    }

    /** The model's name: a bare string entry, else its {@code id}, {@code name} or {@code model}. */
    static String name(JsonNode entry) {
        return entry.isTextual() ? entry.asText().trim() : text(entry, "id", "name", "model");
    }

    /** The first of {@code fields} holding a positive whole number (or text of one); 0 if none. */
    static long number(JsonNode node, String... fields) {
        for (String field : fields) {
            JsonNode value = node.path(field);
            long number = 0;
            if (value.isIntegralNumber() || value.isFloatingPointNumber()) {
                number = value.asLong();
            } else if (value.isTextual()) {
                number = parseWhole(value.asText().trim());
            }
            if (number > 0) {
                return number;
            }
        }
        return 0;
    }

    /** An RFC 3339 timestamp (Ollama's {@code modified_at}) or Unix seconds (OpenAI's {@code created}). */
    static Optional<Instant> time(JsonNode node, String... fields) {
        for (String field : fields) {
            JsonNode value = node.path(field);
            if (value.isIntegralNumber() && value.asLong() > 0) {
                return Optional.of(Instant.ofEpochSecond(value.asLong()));
            }
            if (value.isTextual() && !value.asText().isBlank()) {
                try {
                    return Optional.of(OffsetDateTime.parse(value.asText().trim()).toInstant());
                } catch (DateTimeParseException unreadable) {
                    // Next field, then absent: a model with an odd date is still a model.
                }
            }
        }
        return Optional.empty();
    }

    /** Text items of an array field, blanks dropped. */
    static List<String> texts(JsonNode node, String field) {
        List<String> result = new ArrayList<>();
        for (JsonNode item : node.path(field)) {
            if (item.isTextual() && !item.asText().isBlank()) {
                result.add(item.asText().trim());
            }
        }
        return result;
    }

    /** The organisation in a Hugging Face style {@code org/name} id; empty for paths and plain names. */
    static String organisation(String repoId) {
        int slash = repoId.indexOf('/');
        if (slash <= 0 || repoId.startsWith(".") || repoId.indexOf('/', slash + 1) >= 0) {
            return "";
        }
        return repoId.substring(0, slash);
    }

    /** A parameter count as people write it: {@code 4227392} is {@code 4.2M}, {@code 8030261248} is {@code 8.0B}. */
    static String parameterCount(long count) {
        if (count >= 1_000_000_000L) {
            return String.format(Locale.ROOT, "%.1fB", count / 1e9);
        }
        if (count >= 1_000_000L) {
            return String.format(Locale.ROOT, "%.1fM", count / 1e6);
        }
        return count > 0 ? Long.toString(count) : "";
    }

    private static List<JsonNode> elements(JsonNode array) {
        List<JsonNode> result = new ArrayList<>(array.size());
        array.forEach(result::add);
        return result;
    }

    private static long parseWhole(String text) {
        if (text.isEmpty() || !text.chars().allMatch(Character::isDigit)) {
            return 0;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException tooBig) {
            return 0;
        }
    }
}
