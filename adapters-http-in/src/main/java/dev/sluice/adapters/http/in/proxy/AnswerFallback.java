package dev.sluice.adapters.http.in.proxy;

/**
 * Aborts an upstream exchange whose answer (429, 5xx) the fallback strategy replaces with another attempt: thrown
 * into Jetty's client at the response headers, before any byte reached the client, so the connection is closed
 * and the attempt ends through the one completion path like any other failure.
 */
final class AnswerFallback extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    AnswerFallback(int status) {
        super("upstream answered " + status + "; the fallback strategy tries again", null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }
}
