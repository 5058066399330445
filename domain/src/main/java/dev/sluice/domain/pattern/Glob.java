package dev.sluice.domain.pattern;

import java.util.Locale;
import java.util.Objects;

/**
 * A shell-style pattern over model names: {@code *} any run of characters, {@code ?} one character, everything
 * else literal and case-insensitive (model names differ in case between platforms).
 */
public record Glob(String pattern) {

    public Glob {
        Objects.requireNonNull(pattern, "pattern");
    }

    public boolean matches(String text) {
        return matches(pattern.toLowerCase(Locale.ROOT), 0, text.toLowerCase(Locale.ROOT), 0);
    }

    // Iterative matcher with single-star backtracking: linear for the patterns people write, no regex compile.
    private static boolean matches(String p, int pi, String t, int ti) {
        int star = -1;
        int mark = 0;
        while (ti < t.length()) {
            if (pi < p.length() && (p.charAt(pi) == '?' || p.charAt(pi) == t.charAt(ti))) {
                pi++;
                ti++;
            } else if (pi < p.length() && p.charAt(pi) == '*') {
                star = pi++;
                mark = ti;
            } else if (star >= 0) {
                pi = star + 1;
                ti = ++mark;
            } else {
                return false;
            }
        }
        while (pi < p.length() && p.charAt(pi) == '*') {
            pi++;
        }
        return pi == p.length();
    }
}
