package dev.sluice.domain.limits;

/**
 * Whether a client may make a request now, with what the {@code X-RateLimit-*} headers report.
 *
 * @param limit          requests per minute the client is allowed (0 when unlimited)
 * @param remaining      requests it can still make at once
 * @param retryAfterSecs when refused: seconds until it may try again
 * @param resetEpochSecs when its allowance is full again, as Unix seconds
 */
public record RateDecision(boolean allowed, int limit, int remaining, long retryAfterSecs, long resetEpochSecs) {

    public static RateDecision unlimited() {
        return new RateDecision(true, 0, 0, 0, 0);
    }
}
