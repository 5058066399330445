package dev.sluice.soak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The proxy's WARN and ERROR lines, grouped by message with numbers blurred, so a thousand identical "connection
 * refused" lines from a killed backend read as one line with a count and a rare error still stands out.
 *
 * @param warnings  WARN lines
 * @param errors    ERROR lines
 * @param distinct  each distinct "LEVEL logger - message" (digits as #) with how often it occurred, first seen first
 */
record ProxyLog(long warnings, long errors, Map<String, Long> distinct) {

    /** The text pattern of bootstrap's LoggingSetup: {@code HH:mm:ss.SSS LEVEL logger - message}. */
    private static final Pattern LINE = Pattern.compile("^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} (WARN|ERROR)\\s+(.*)$");

    ProxyLog {
        distinct = Collections.unmodifiableMap(new LinkedHashMap<>(distinct));
    }

    static ProxyLog scan(Path log) {
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return scan(lines.toList());
        } catch (IOException | UncheckedIOException e) {
            return new ProxyLog(0, 0, Map.of("(cannot read " + log + ": " + e.getMessage() + ")", 1L));
        }
    }

    static ProxyLog scan(List<String> lines) {
        long warnings = 0;
        long errors = 0;
        Map<String, Long> distinct = new LinkedHashMap<>();
        for (String line : lines) {
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                continue;
            }
            if (m.group(1).equals("WARN")) {
                warnings++;
            } else {
                errors++;
            }
            distinct.merge(m.group(1) + " " + m.group(2).replaceAll("\\d+", "#"), 1L, Long::sum);
        }
        return new ProxyLog(warnings, errors, distinct);
    }
}
