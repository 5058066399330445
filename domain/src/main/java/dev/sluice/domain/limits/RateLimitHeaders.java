package dev.sluice.domain.limits;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads a provider's rate-limit signalling from an answer's headers (Olla ignores all of it, seed 000): how long the
 * provider should be left alone. A 429's {@code Retry-After}; else a spent budget: OpenAI/Groq's
 * {@code x-ratelimit-remaining-requests|tokens: 0} with {@code x-ratelimit-reset-requests|tokens} (a duration such as
 * {@code 1s}, {@code 6m0s}, {@code 20ms}), Anthropic's {@code anthropic-ratelimit-*-remaining: 0} with
 * {@code anthropic-ratelimit-*-reset} (an RFC 3339 time). Pure; unparseable values are ignored.
 */
public final class RateLimitHeaders {

    // {remaining, reset} header names, built once: this runs on every answer.
    private static final String[][] OPENAI = {
        {"x-ratelimit-remaining-requests", "x-ratelimit-reset-requests"},
        {"x-ratelimit-remaining-tokens", "x-ratelimit-reset-tokens"}};
    private static final String[][] ANTHROPIC = {
        {"anthropic-ratelimit-requests-remaining", "anthropic-ratelimit-requests-reset"},
        {"anthropic-ratelimit-tokens-remaining", "anthropic-ratelimit-tokens-reset"},
        {"anthropic-ratelimit-input-tokens-remaining", "anthropic-ratelimit-input-tokens-reset"},
        {"anthropic-ratelimit-output-tokens-remaining", "anthropic-ratelimit-output-tokens-reset"}};

    private RateLimitHeaders() {
    }

    /**
     * How long to hold the provider back after this answer; empty when it may take more requests.
     *
     * @param status the answer's status
     * @param header a header by lower-case name, null when absent
     * @param now    the time the answer arrived
     */
    public static Optional<Duration> holdFor(int status, Function<String, String> header, Instant now) {
        Optional<Duration> retryAfter = retryAfter(header.apply("retry-after"), now);
        if ((status == 429 || status == 503) && retryAfter.isPresent()) {
            return retryAfter;
        }
        Duration longest = null;
        for (String[] names : OPENAI) {
            if (spent(header.apply(names[0]))) {
                longest = longer(longest, goDuration(header.apply(names[1])));
            }
        }
        for (String[] names : ANTHROPIC) {
            if (spent(header.apply(names[0]))) {
                longest = longer(longest, until(header.apply(names[1]), now));
            }
        }
        if (longest == null && status == 429) {
            return retryAfter;
        }
        return Optional.ofNullable(longest);
    }

    /** {@code Retry-After}: delay-seconds or an HTTP-date. */
    public static Optional<Duration> retryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.trim();
        try {
            long seconds = Long.parseLong(v);
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return Optional.of(nonNegative(Duration.between(now, at)));
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }

    private static boolean spent(String remaining) {
        if (remaining == null) {
            return false;
        }
        try {
            return Long.parseLong(remaining.trim()) <= 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static Duration longer(Duration a, Optional<Duration> b) {
        if (b.isEmpty()) {
            return a;
        }
        return a == null || b.get().compareTo(a) > 0 ? b.get() : a;
    }

    private static Optional<Duration> until(String rfc3339, Instant now) {
        if (rfc3339 == null || rfc3339.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(nonNegative(Duration.between(now, ZonedDateTime.parse(rfc3339.trim(),
                    DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant())));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** OpenAI's reset durations: {@code 1s}, {@code 6m0s}, {@code 1h2m3.5s}, {@code 20ms}, or bare seconds. */
    static Optional<Duration> goDuration(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String s = text.trim();
        if (s.chars().allMatch(ch -> Character.isDigit(ch) || ch == '.')) {
            try {
                return Optional.of(Duration.ofNanos((long) (Double.parseDouble(s) * 1e9)));
            } catch (NumberFormatException notANumber) {
                return Optional.empty();
            }
        }
        long nanos = 0;
        int i = 0;
        while (i < s.length()) {
            int start = i;
            while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
                i++;
            }
            int unitStart = i;
            while (i < s.length() && Character.isLetter(s.charAt(i))) {
                i++;
            }
            if (start == unitStart || unitStart == i) {
                return Optional.empty();
            }
            double number;
            try {
                number = Double.parseDouble(s.substring(start, unitStart));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
            double unitNanos = switch (s.substring(unitStart, i)) {
                case "h" -> 3600e9;
                case "m" -> 60e9;
                case "s" -> 1e9;
                case "ms" -> 1e6;
                case "us", "µs" -> 1e3;
                case "ns" -> 1;
                default -> -1;
            };
            if (unitNanos < 0) {
                return Optional.empty();
            }
            nanos += (long) (number * unitNanos);
        }
        return Optional.of(Duration.ofNanos(nanos));
    }

    private static Duration nonNegative(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }
}
