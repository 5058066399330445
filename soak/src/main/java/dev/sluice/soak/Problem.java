package dev.sluice.soak;

import static java.util.Objects.requireNonNull;

/**
 * What went wrong with one request.
 *
 * @param kind   the failure class
 * @param status the HTTP status when one was received, else 0
 * @param detail the exact error as seen by the client: exception text or the start of the error body
 */
record Problem(FailureKind kind, int status, String detail) {

    /** Longest detail kept: enough to read an error body, short enough for one summary line. */
    static final int MAX_DETAIL = 300;

    Problem {
        requireNonNull(kind, "kind");
        requireNonNull(detail, "detail");
        detail = detail.replaceAll("\\s+", " ").trim();
        if (detail.length() > MAX_DETAIL) {
            detail = detail.substring(0, MAX_DETAIL) + "...";
        }
    }

    static Problem of(FailureKind kind, String detail) {
        return new Problem(kind, 0, detail);
    }

    /** The summary row: status failures are split by code, the rest by kind. */
    String row() {
        return kind == FailureKind.STATUS ? "HTTP " + status : kind.label();
    }
}
