package dev.sluice.adapters.http.out;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads a {@code Retry-After} header (RFC 9110 §10.2.3): either delay-seconds or an HTTP-date. */
final class RetryAfter {

    private RetryAfter() {
    }

    /**
     * @param value the header's value, or null when absent
     * @param now   the moment an HTTP-date is measured from
     * @return the wait it asks for, never negative; empty when absent or unreadable, so the policy's default applies
     */
    static Optional<Duration> parse(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String text = value.trim();
        if (text.chars().allMatch(Character::isDigit)) {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(text)));
            } catch (NumberFormatException tooBig) {
                return Optional.empty();
            }
        }
        try {
            Instant until = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            // A date already past means "now"; a negative wait would make the scheduler probe in the past.
            Duration wait = Duration.between(now, until);
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException unreadable) {
            return Optional.empty();
        }
    }
}
