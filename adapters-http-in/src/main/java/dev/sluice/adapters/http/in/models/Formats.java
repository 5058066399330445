package dev.sluice.adapters.http.in.models;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The human strings Olla's status pages use: relative times, byte counts, latencies. */
public final class Formats {

    private Formats() {
    }

    public static String rfc3339(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    }

    /** "3s ago", "in 2m", "never". */
    public static String relative(Instant then, Instant now) {
        Duration d = Duration.between(then, now);
        boolean past = !d.isNegative();
        String amount = humanDuration(d.abs());
        return past ? amount + " ago" : "in " + amount;
    }

    public static String humanDuration(Duration d) {
        long s = d.getSeconds();
        if (s < 1) {
            return d.toMillis() + "ms";
        }
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return (s / 60) + "m" + (s % 60 == 0 ? "" : (s % 60) + "s");
        }
        if (s < 86_400) {
            return (s / 3600) + "h" + ((s % 3600) / 60 == 0 ? "" : ((s % 3600) / 60) + "m");
        }
        return (s / 86_400) + "d" + ((s % 86_400) / 3600 == 0 ? "" : ((s % 86_400) / 3600) + "h");
    }

    /** "99.6%", or "N/A" when there is nothing to measure yet. */
    public static String percent(double value) {
        return Double.isNaN(value) ? "N/A" : String.format(Locale.ROOT, "%.1f%%", value);
    }

    public static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KB", "MB", "GB", "TB", "PB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
