package dev.sluice.domain.routing;

import java.util.Locale;

/** {@code routing_strategy.options.fallback_behavior}: what to do when no candidate hosts the model. */
public enum FallbackBehavior {
    /** Reject: the model exists only where this request may not go. */
    COMPATIBLE_ONLY,
    /** Send it to any candidate and let the backend decide. */
    ALL,
    /** Reject without trying anything else. */
    NONE;

    public static FallbackBehavior parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
}
