package dev.sluice.domain.fallback;

/**
 * Whether another attempt can help. Transient: the endpoint could not or would not serve now (connect errors,
 * timeouts, 408, 429, 5xx); another endpoint, or the same one later, may. Permanent: the request itself is refused
 * (400, 401/403, 404 model not found, 501...); every endpoint would say the same, so it goes back at once.
 */
public enum FailureClass {
    TRANSIENT,
    PERMANENT;

    /** The class of an upstream answer with this status; only meaningful for 4xx and 5xx. */
    public static FailureClass ofStatus(int status) {
        if (status == 408 || status == 429) {
            return TRANSIENT;
        }
        // 501 Not Implemented and 505 say "never", not "not now".
        if (status >= 500 && status != 501 && status != 505) {
            return TRANSIENT;
        }
        return PERMANENT;
    }

    /** Whether an answer with this status is a failure a fallback may act on. */
    public static boolean retryable(int status) {
        return status >= 400 && ofStatus(status) == TRANSIENT;
    }
}
