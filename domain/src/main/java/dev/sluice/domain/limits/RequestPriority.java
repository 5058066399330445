package dev.sluice.domain.limits;

import java.util.Locale;

/**
 * A waiting request's place in the queue, read from a client header: {@code high}, {@code normal}, {@code low} or a
 * number from -100 to 100. Higher goes first; equal priorities keep arrival order. Anything else is normal, so a
 * client cannot jump the queue with a malformed value.
 */
public final class RequestPriority {

    public static final int NORMAL = 0;
    private static final int HIGH = 10;
    private static final int LOW = -10;
    private static final int BOUND = 100;

    private RequestPriority() {
    }

    public static int parse(String value) {
        if (value == null || value.isBlank()) {
            return NORMAL;
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        switch (v) {
            case "high", "critical", "urgent" -> {
                return HIGH;
            }
            case "low", "background", "batch" -> {
                return LOW;
            }
            case "normal", "default" -> {
                return NORMAL;
            }
            default -> {
                try {
                    int n = Integer.parseInt(v);
                    return Math.max(-BOUND, Math.min(BOUND, n));
                } catch (NumberFormatException e) {
                    return NORMAL;
                }
            }
        }
    }
}
