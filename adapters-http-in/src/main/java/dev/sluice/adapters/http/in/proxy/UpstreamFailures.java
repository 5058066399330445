package dev.sluice.adapters.http.in.proxy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

/** Reads a failure from the upstream client: could the request have reached the backend at all? */
final class UpstreamFailures {

    private UpstreamFailures() {
    }

    /**
     * True for failures that mean the backend never processed the request (refused, unresolvable, unroutable,
     * connect timeout, reset before any answer): safe to retry elsewhere, and a sign the endpoint is down.
     */
    static boolean unreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof UnresolvedAddressException || t instanceof NoRouteToHostException) {
                return true;
            }
            if (t instanceof SocketTimeoutException && String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT).contains("connect")) {
                return true;
            }
            if (t instanceof IOException && String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT).contains("reset")) {
                return true;
            }
            // The connection closed before any answer: a backend going down as the request arrived.
            if (t instanceof org.eclipse.jetty.io.EofException || t instanceof java.io.EOFException
                    || t instanceof java.nio.channels.ClosedChannelException) {
                return true;
            }
        }
        return false;
    }

    static boolean timedOut(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException || t instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** A short reason for logs and status pages. */
    static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof ConnectException) {
            return "connection refused";
        }
        if (root instanceof UnknownHostException || root instanceof UnresolvedAddressException) {
            return "unknown host";
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
