package dev.sluice.adapters.config;

import dev.sluice.adapters.config.problem.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves credentials written as {@code ${VAR}}, {@code ${VAR:-default}} or read from a {@code *_file}, so secrets
 * can stay out of the config file. An unset variable without a default is an error: sending an empty token
 * would only surface later as a confusing 401.
 */
final class SecretResolver {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");

    private final Map<String, String> env;
    private final Path baseDir;

    SecretResolver(Map<String, String> env, Path baseDir) {
        this.env = env;
        this.baseDir = baseDir;
    }

    /** Expands every {@code ${...}} in {@code value}; {@code key} names the config key for the error message. */
    String expand(String value, String key) {
        Matcher m = VARIABLE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String resolved = env.get(m.group(1));
            if (resolved == null || resolved.isEmpty()) {
                if (m.group(2) == null) {
                    throw new ConfigException("'" + key + "' uses ${" + m.group(1) + "} but that environment variable "
                            + "is not set: export it, or write ${" + m.group(1) + ":-default}");
                }
                resolved = m.group(2);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(resolved));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Reads a secret file (trailing newline trimmed), relative paths against the config file's folder. */
    String readFile(String file, String key) {
        Path path = baseDir.resolve(expand(file, key));
        try {
            return Files.readString(path).strip();
        } catch (IOException e) {
            throw new ConfigException("'" + key + "' names " + path + ", which cannot be read ("
                    + e.getClass().getSimpleName() + "): create it or fix the path");
        }
    }

    /** One secret from an inline value or a file, never both. Returns null when neither is set. */
    String inlineOrFile(String inline, String file, String key) {
        boolean hasInline = inline != null && !inline.isEmpty();
        boolean hasFile = file != null && !file.isEmpty();
        if (hasInline && hasFile) {
            throw new ConfigException("'" + key + "' and '" + key + "_file' are both set: keep one");
        }
        if (hasFile) {
            return readFile(file, key + "_file");
        }
        return hasInline ? expand(inline, key) : null;
    }
}
