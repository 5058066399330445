package dev.sluice.adapters.config;

import dev.sluice.adapters.config.problem.ConfigException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Turns Jackson's parse failures into one line an operator can act on: file, line, key and fix. */
final class ConfigErrors {

    private ConfigErrors() {
    }

    static ConfigException of(String source, JsonProcessingException e, YamlLocations locations) {
        String where = source + location(e.getLocation());
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            // Jackson points just past the offending value; the scanned key position is the line to edit.
            where = locations.lineOf(path(mapping)).map(line -> source + ":" + line).orElse(where);
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            String path = path(unknown);
            List<String> known = unknown.getKnownPropertyIds() == null ? List.of()
                    : unknown.getKnownPropertyIds().stream().map(Object::toString).sorted().toList();
            String hint = closest(unknown.getPropertyName(), known)
                    .map(k -> "did you mean '" + k + "'? ")
                    .orElse("");
            return new ConfigException(where + ": unknown key '" + path + "': " + hint + "valid keys here: "
                    + String.join(", ", known), e);
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return new ConfigException(where + ": bad value for '" + path(mapping) + "': " + firstLine(e), e);
        }
        return new ConfigException(where + ": malformed YAML: " + firstLine(e), e);
    }

    static String path(JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            } else if (ref.getFieldName() != null) {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(ref.getFieldName());
            }
        }
        return out.toString();
    }

    private static String location(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return ":" + location.getLineNr() + ":" + location.getColumnNr();
    }

    private static String firstLine(JsonProcessingException e) {
        String message = e.getOriginalMessage() == null ? e.getMessage() : e.getOriginalMessage();
        String line = message.lines().findFirst().orElse(message).trim();
        // Jackson names our record types; the operator only knows YAML.
        return line.replaceAll("`[a-zA-Z.]+\\.(\\w+)`", "$1").replace("java.lang.", "").replace("java.time.", "");
    }

    static java.util.Optional<String> closest(String wanted, Collection<String> candidates) {
        String w = wanted.toLowerCase(Locale.ROOT);
        return candidates.stream()
                .filter(c -> distance(w, c.toLowerCase(Locale.ROOT)) <= Math.max(2, w.length() / 3))
                .min(Comparator.comparingInt(c -> distance(w, c.toLowerCase(Locale.ROOT))));
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    static String joinSorted(Collection<String> items) {
        return items.stream().sorted().collect(Collectors.joining(", "));
    }
}
