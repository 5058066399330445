package dev.sluice.adapters.config;

import dev.sluice.adapters.config.problem.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@code .env} file in the working directory (seed 004's way of configuring): {@code KEY=VALUE} lines, {@code #}
 * comments, optional {@code export} and quotes. A variable set in the process environment wins over the file, so
 * an operator can override one value without editing it.
 */
final class DotEnv {

    private DotEnv() {
    }

    /** The working directory's {@code .env} file as written; empty when there is none. */
    static Map<String, String> read(Path workingDir) {
        Path file = workingDir.resolve(".env");
        return Files.isRegularFile(file) ? Map.copyOf(parse(text(file), file.toString())) : Map.of();
    }

    /** The process environment with the .env file filling in what it does not set. */
    static Map<String, String> merge(Map<String, String> env, Map<String, String> dotEnv) {
        if (dotEnv.isEmpty()) {
            return env;
        }
        Map<String, String> merged = new HashMap<>(dotEnv);
        merged.putAll(env);
        return Map.copyOf(merged);
    }

    static Map<String, String> parse(String text, String source) {
        Map<String, String> values = new LinkedHashMap<>();
        int lineNumber = 0;
        for (String raw : text.split("\\R")) {
            lineNumber++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring("export ".length()).strip();
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new ConfigException(source + " line " + lineNumber + ": expected KEY=VALUE, found '" + raw + "'");
            }
            values.put(line.substring(0, eq).strip(), value(line.substring(eq + 1).strip()));
        }
        return values;
    }

    // "quoted" and 'quoted' values are taken as written; an unquoted value ends at a " #" comment.
    private static String value(String text) {
        if (text.length() >= 2 && (text.startsWith("\"") && text.endsWith("\"")
                || text.startsWith("'") && text.endsWith("'"))) {
            return text.substring(1, text.length() - 1);
        }
        int comment = text.indexOf(" #");
        return (comment >= 0 ? text.substring(0, comment) : text).strip();
    }

    private static String text(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
