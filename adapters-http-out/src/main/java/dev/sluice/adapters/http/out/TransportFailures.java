package dev.sluice.adapters.http.out;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * Turns the exceptions Jetty fails a request with into the short reasons an operator reads on the status page.
 * Java's messages vary by OS and JDK ("Connection refused: no further information" on Windows), so we name the
 * cause by its type where we can and fall back to the message only for the rest.
 */
final class TransportFailures {

    private TransportFailures() {
    }

    /**
     * @param failure the exception a request failed with
     * @param timeout the request's total timeout, named in the reason when it expired
     */
    static String reason(Throwable failure, Duration timeout) {
        Throwable cause = unwrap(failure);
        if (cause instanceof TimeoutException) {
            return "timed out after " + timeout.toMillis() + " ms";
        }
        if (cause instanceof SocketTimeoutException) {
            return "connect timed out";
        }
        if (cause instanceof UnknownHostException || cause instanceof UnresolvedAddressException) {
            return "unknown host";
        }
        if (cause instanceof NoRouteToHostException) {
            return "no route to host";
        }
        if (cause instanceof ConnectException) {
            return "connection refused";
        }
        if (cause instanceof EOFException) {
            return "connection closed before an answer";
        }
        String message = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
        if (message.contains("reset")) {
            return "connection reset";
        }
        if (message.contains("refused")) {
            return "connection refused";
        }
        if (message.contains("closed")) {
            return "connection closed before an answer";
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    /** The innermost meaningful cause: futures and Jetty wrap the real one, sometimes twice. */
    static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
