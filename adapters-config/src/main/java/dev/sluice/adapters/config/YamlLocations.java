package dev.sluice.adapters.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Remembers the line of every key in a YAML file, so that errors found after binding (a bad endpoint type, a
 * timeout longer than its interval) can still point at the line to fix.
 */
final class YamlLocations {

    private final Map<String, Integer> lineByPath;

    private YamlLocations(Map<String, Integer> lineByPath) {
        this.lineByPath = lineByPath;
    }

    static YamlLocations none() {
        return new YamlLocations(Map.of());
    }

    static YamlLocations scan(String yaml) {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = new YAMLFactory().createParser(yaml)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.FIELD_NAME) {
                    JsonPointer pointer = parser.getParsingContext().pathAsPointer();
                    lines.putIfAbsent(toDotted(pointer), parser.currentTokenLocation().getLineNr());
                }
            }
        } catch (IOException malformed) {
            // The strict parse reports malformed YAML with its own location; here we just stop collecting.
        }
        return new YamlLocations(lines);
    }

    /** The line of {@code server.port} or {@code discovery.static.endpoints[1].type}, if the file has it. */
    Optional<Integer> lineOf(String dottedPath) {
        String path = dottedPath;
        while (!path.isEmpty()) {
            Integer line = lineByPath.get(path);
            if (line != null) {
                return Optional.of(line);
            }
            int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
            path = cut < 0 ? "" : path.substring(0, cut);
        }
        return Optional.empty();
    }

    static String toDotted(JsonPointer pointer) {
        StringBuilder out = new StringBuilder();
        for (JsonPointer p = pointer; p != null && !p.matches(); p = p.tail()) {
            if (p.mayMatchElement() && p.getMatchingProperty().chars().allMatch(Character::isDigit)) {
                out.append('[').append(p.getMatchingIndex()).append(']');
            } else {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(p.getMatchingProperty());
            }
        }
        return out.toString();
    }
}
