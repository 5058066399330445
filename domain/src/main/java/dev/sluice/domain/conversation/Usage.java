package dev.sluice.domain.conversation;

/** Tokens in and out of one answer. */
public record Usage(long inputTokens, long outputTokens) {

    public Usage {
        if (inputTokens < 0 || outputTokens < 0) {
            throw new IllegalArgumentException("token counts are never negative");
        }
    }
}
