package dev.sluice.simulator;

import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The response headers and error vocabularies of the hosted APIs, from their public references: request ids,
 * rate-limit headers (OpenAI's and Azure's {@code x-ratelimit-*}, Anthropic's {@code anthropic-ratelimit-*}),
 * Anthropic's error types and Google's canonical status names. The remaining counts fall with every request, so a
 * client that reads them sees them move.
 */
final class HostedHeaders {

    static final long REQUEST_LIMIT = 10_000;
    static final long TOKEN_LIMIT = 2_000_000;
    private static final AtomicLong REQUESTS = new AtomicLong();

    private HostedHeaders() {
    }

    static String requestId() {
        return String.format("req_sim%024d", REQUESTS.incrementAndGet());
    }

    /** OpenAI's headers: limits, what is left in the window, and when it refills (Go-style durations). */
    static void openAi(Exchange exchange) {
        long used = REQUESTS.incrementAndGet() % REQUEST_LIMIT;
        exchange.header("x-request-id", String.format("req_%032x", used));
        exchange.header("openai-version", "2020-10-01");
        exchange.header("openai-processing-ms", "1");
        exchange.header("x-ratelimit-limit-requests", Long.toString(REQUEST_LIMIT));
        exchange.header("x-ratelimit-limit-tokens", Long.toString(TOKEN_LIMIT));
        exchange.header("x-ratelimit-remaining-requests", Long.toString(REQUEST_LIMIT - 1 - used));
        exchange.header("x-ratelimit-remaining-tokens", Long.toString(TOKEN_LIMIT - used * 10));
        exchange.header("x-ratelimit-reset-requests", "6ms");
        exchange.header("x-ratelimit-reset-tokens", "0s");
    }

    /** Azure OpenAI sends only the remaining counts. */
    static void azure(Exchange exchange) {
        long used = REQUESTS.incrementAndGet() % REQUEST_LIMIT;
        exchange.header("x-ratelimit-remaining-requests", Long.toString(REQUEST_LIMIT - 1 - used));
        exchange.header("x-ratelimit-remaining-tokens", Long.toString(TOKEN_LIMIT - used * 10));
    }

    /** Anthropic's: a request id and, per limit, its size, what is left and an RFC 3339 reset time. */
    static void anthropic(Exchange exchange) {
        long used = REQUESTS.incrementAndGet() % REQUEST_LIMIT;
        exchange.header("request-id", String.format("req_sim%018d", used));
        String reset = DateTimeFormatter.ISO_INSTANT.format(exchange.now().plusSeconds(1).truncatedTo(ChronoUnit.SECONDS));
        limit(exchange, "requests", REQUEST_LIMIT, REQUEST_LIMIT - 1 - used, reset);
        limit(exchange, "input-tokens", TOKEN_LIMIT, TOKEN_LIMIT - used * 10, reset);
        limit(exchange, "output-tokens", TOKEN_LIMIT / 5, TOKEN_LIMIT / 5 - used * 5, reset);
        limit(exchange, "tokens", TOKEN_LIMIT, TOKEN_LIMIT - used * 15, reset);
    }

    private static void limit(Exchange exchange, String what, long limit, long remaining, String reset) {
        String prefix = "anthropic-ratelimit-" + what + "-";
        exchange.header(prefix + "limit", Long.toString(limit));
        exchange.header(prefix + "remaining", Long.toString(Math.max(0, remaining)));
        exchange.header(prefix + "reset", reset);
    }

    /** The error {@code type} Anthropic's errors reference gives each status. */
    static String anthropicErrorType(int status) {
        switch (status) {
            case 400: return "invalid_request_error";
            case 401: return "authentication_error";
            case 402: return "billing_error";
            case 403: return "permission_error";
            case 404: return "not_found_error";
            case 413: return "request_too_large";
            case 429: return "rate_limit_error";
            case 504: return "timeout_error";
            case 529: return "overloaded_error";
            default: return "api_error";
        }
    }

    /** Google's canonical code name for an HTTP status ({@code google.rpc.Code}). */
    static String googleStatus(int status) {
        switch (status) {
            case 400: return "INVALID_ARGUMENT";
            case 401: return "UNAUTHENTICATED";
            case 403: return "PERMISSION_DENIED";
            case 404: return "NOT_FOUND";
            case 409: return "ABORTED";
            case 429: return "RESOURCE_EXHAUSTED";
            case 499: return "CANCELLED";
            case 501: return "UNIMPLEMENTED";
            case 503: return "UNAVAILABLE";
            case 504: return "DEADLINE_EXCEEDED";
            default: return status >= 500 ? "INTERNAL" : "FAILED_PRECONDITION";
        }
    }
}
