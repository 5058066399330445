package dev.sluice.simulator;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Timestamps as Go's {@code time.Time} marshals them (RFC 3339, nanoseconds with trailing zeros trimmed, the
 * local offset). Ollama runs in the user's zone, so a non-UTC offset is what a proxy really has to parse.
 */
final class GoTime {

    /** A fixed zone keeps bodies identical across machines; west of UTC catches sign bugs. */
    static final ZoneOffset OFFSET = ZoneOffset.ofHours(-7);

    /** When the simulated models were "pulled": a fixed day, so bodies do not drift between runs. */
    private static final Instant PULLED_ERA = Instant.parse("2025-09-01T00:00:00Z");

    private GoTime() {
    }

    static String format(Instant instant) {
        return OffsetDateTime.ofInstant(instant, OFFSET).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /**
     * A model's modification time, spread over 30 days by its digest and always with nanoseconds, because
     * parsers that handle only whole seconds are the bug this is here to catch.
     */
    static String modifiedAt(SimulatedModel model) {
        long seed = Long.parseUnsignedLong(model.digest().substring(0, 12), 16);
        long seconds = seed % (30L * 24 * 3600);
        long nanos = (100_000_000L + seed % 800_000_000L) | 1;
        return format(PULLED_ERA.plusSeconds(seconds).plusNanos(nanos));
    }
}
