package dev.sluice.application.translation;

/**
 * Why a request that could have passed through was translated instead, with Olla's stats names. {@code NONE} for
 * passthrough.
 */
public enum Fallback {
    NONE(""),
    /** The endpoint's platform has no native Anthropic API. */
    NO_COMPATIBLE_ENDPOINTS("fallback_no_compatible_endpoints"),
    /** {@code translators.anthropic.passthrough_enabled} is off. */
    PASSTHROUGH_DISABLED("fallback_translator_does_not_support_passthrough"),
    /** The platform has the API but declares a limitation this request runs into (tools, thinking, images). */
    CANNOT_PASSTHROUGH("fallback_cannot_passthrough");

    private final String statsName;

    Fallback(String statsName) {
        this.statsName = statsName;
    }

    public String statsName() {
        return statsName;
    }
}
