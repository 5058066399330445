package dev.sluice.adapters.http.in.server;

import java.time.Duration;
import java.util.Objects;

/**
 * How the listener is set up, from {@code server.*}.
 *
 * @param port          0 picks a free port (tests)
 * @param maxHeaderSize request header bytes accepted before answering 431
 * @param idleTimeout   how long a connection may sit with nothing read or written; zero means never
 * @param readHeaderTimeout longest a new connection may take to send its first request's headers; zero for none
 * @param maxThreads    the request thread pool's cap, shared with the upstream clients (their selectors hold one each)
 */
public record HttpServerSettings(String host, int port, int maxHeaderSize, Duration idleTimeout,
                                 boolean requestLogging, Duration shutdownTimeout, CorsSettings cors,
                                 Duration readHeaderTimeout, int maxThreads) {

    public HttpServerSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(shutdownTimeout, "shutdownTimeout");
        Objects.requireNonNull(cors, "cors");
        Objects.requireNonNull(readHeaderTimeout, "readHeaderTimeout");
        if (maxThreads < 16) {
            throw new IllegalArgumentException("maxThreads must be at least 16 but was " + maxThreads);
        }
    }
}
