package dev.sluice.adapters.config.schema;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses durations the way Olla's Go config writes them: {@code 30s}, {@code 5m}, {@code 1h30m}, {@code 250ms},
 * {@code 1.5s}. A bare number means seconds (a Go file would never write nanoseconds by hand).
 */
public final class GoDurations {

    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h|d)");
    private static final Pattern WHOLE = Pattern.compile("^(?:\\d+(?:\\.\\d+)?(?:ns|us|µs|ms|s|m|h|d))+$");

    private GoDurations() {
    }

    public static Duration parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("duration is empty");
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.matches("\\d+")) {
            return Duration.ofSeconds(Long.parseLong(t));
        }
        if (!WHOLE.matcher(t).matches()) {
            throw new IllegalArgumentException("not a duration: '" + text + "' (write e.g. 500ms, 30s, 5m, 1h30m)");
        }
        double nanos = 0;
        Matcher m = PART.matcher(t);
        while (m.find()) {
            nanos += Double.parseDouble(m.group(1)) * nanosPer(m.group(2));
        }
        return Duration.ofNanos(Math.round(nanos));
    }

    /** Writes a duration back in the same style, for messages and status pages. */
    public static String format(Duration duration) {
        long ms = duration.toMillis();
        if (ms % 3_600_000 == 0 && ms > 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms % 60_000 == 0 && ms > 0) {
            return ms / 60_000 + "m";
        }
        if (ms % 1000 == 0) {
            return ms / 1000 + "s";
        }
        return ms + "ms";
    }

    private static double nanosPer(String unit) {
        return switch (unit) {
            case "ns" -> 1;
            case "us", "µs" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            case "m" -> 60e9;
            case "h" -> 3600e9;
            default -> 86_400e9;
        };
    }
}
