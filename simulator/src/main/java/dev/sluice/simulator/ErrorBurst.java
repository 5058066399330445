package dev.sluice.simulator;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The next few generating requests answer an error status in the platform's own error shape, then the backend
 * answers normally again: an overloaded server shedding load (503), a rate limiter (429 with Retry-After), a crash
 * loop (500). Shared by every settings snapshot taken after it was set; each request takes one error from it.
 */
final class ErrorBurst {

    /** No errors left to give. */
    static final ErrorBurst NONE = new ErrorBurst(500, 0, Duration.ZERO);

    private final int status;
    private final Duration retryAfter;
    private final AtomicInteger remaining;

    /**
     * @param status     the error status, 400..599
     * @param count      how many requests get it, 0 or more
     * @param retryAfter sent as {@code Retry-After} (whole seconds, rounded up) when positive; zero sends none
     */
    ErrorBurst(int status, int count, Duration retryAfter) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("an error burst needs a 4xx or 5xx status but got " + status);
        }
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative but was " + count);
        }
        if (retryAfter == null || retryAfter.isNegative()) {
            throw new IllegalArgumentException("retryAfter must be zero or positive but was " + retryAfter);
        }
        this.status = status;
        this.retryAfter = retryAfter;
        this.remaining = new AtomicInteger(count);
    }

    /** Takes one error for this request, if any are left; thread-safe, never goes below zero. */
    boolean take() {
        return remaining.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }

    int remaining() {
        return remaining.get();
    }

    /** Answers the error; completes the exchange. */
    void answer(Exchange exchange) {
        if (!retryAfter.isZero()) {
            long seconds = (retryAfter.toMillis() + 999) / 1000;
            exchange.header("Retry-After", Long.toString(Math.max(1, seconds)));
        }
        exchange.stack().error(exchange, status, message(status));
    }

    // Wording as the servers that send these most often put it (Ollama's queue, OpenAI-style limiters).
    private static String message(int status) {
        if (status == 429) {
            return "rate limit exceeded, retry later";
        }
        if (status == 503) {
            return "server busy, please try again.  maximum pending requests exceeded";
        }
        return "simulated error burst (status " + status + ")";
    }
}
