package dev.sluice.soak;

/** Why a request did not end as a complete, correct answer; the rows of the summary's failure table. */
enum FailureKind {
    /** The proxy answered, but not with 2xx. */
    STATUS("HTTP status"),
    /** No response headers: refused, reset or closed before the status line. */
    CONNECTION("connection error"),
    /** A 2xx whose body stopped early: an exception mid-body, or a stream without its terminator. */
    TRUNCATED("truncated stream"),
    /** The client gave up waiting (the request's total timeout). */
    TIMEOUT("timeout"),
    /** A complete 2xx body that says the wrong thing (other text, missing model). */
    BAD_BODY("wrong body");

    private final String label;

    FailureKind(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
