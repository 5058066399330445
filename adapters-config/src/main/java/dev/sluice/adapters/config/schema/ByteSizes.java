package dev.sluice.adapters.config.schema;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses human sizes. KB/MB/GB are binary (1024-based), as Olla reads them, so the same file means the same limit. */
public final class ByteSizes {

    private static final Pattern SIZE = Pattern.compile("^\\s*(\\d+(?:\\.\\d+)?)\\s*([kmgt]?i?b?)?\\s*$");

    private ByteSizes() {
    }

    public static long parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("size is empty");
        }
        Matcher m = SIZE.matcher(text.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("not a size: '" + text + "' (write e.g. 1048576, 512KB, 100MB, 1GB)");
        }
        double number = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "" : m.group(2);
        long factor = switch (unit.isEmpty() ? ' ' : unit.charAt(0)) {
            case 'k' -> 1L << 10;
            case 'm' -> 1L << 20;
            case 'g' -> 1L << 30;
            case 't' -> 1L << 40;
            default -> 1L;
        };
        return Math.round(number * factor);
    }
}
