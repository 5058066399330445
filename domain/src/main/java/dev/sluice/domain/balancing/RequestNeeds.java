package dev.sluice.domain.balancing;

import java.util.Objects;

/**
 * What one request asks of the model that serves it, read from its body by the inbound adapter: capability-based
 * routing skips endpoints whose copy of the model is known not to have it.
 *
 * @param operation    what the request does with the model
 * @param tools        it offers tools (or carries earlier tool calls and results)
 * @param vision       it carries images
 * @param promptTokens estimated prompt size in tokens (text and tool schemas, four characters a token; images not
 *                     counted), 0 when unknown
 */
public record RequestNeeds(Operation operation, boolean tools, boolean vision, long promptTokens) {

    /** A request nothing is known about: every endpoint fits. */
    public static final RequestNeeds NONE = new RequestNeeds(Operation.OTHER, false, false, 0);

    /** What a request does with its model. */
    public enum Operation {
        /** Chat or completion: generates text. */
        GENERATE,
        /** Turns input into vectors. */
        EMBED,
        /** Anything else that names a model (show, count tokens ...): no capability is needed. */
        OTHER
    }

    public RequestNeeds {
        Objects.requireNonNull(operation, "operation");
        if (promptTokens < 0) {
            throw new IllegalArgumentException("prompt tokens cannot be negative: " + promptTokens);
        }
    }
}
