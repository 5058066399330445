package dev.sluice.simulator;

/**
 * One Messages answer before any platform renders it: which message, for which model, how much was read and
 * generated, and why generation stopped.
 */
record AnthropicReply(String id, String model, int inputTokens, Generation generation) {

    /** {@code max_tokens} when the request's limit cut the script short, otherwise the model ended its turn. */
    String stopReason() {
        return generation.truncated() ? "max_tokens" : "end_turn";
    }

    int outputTokens() {
        return generation.tokens();
    }
}
