package dev.sluice.application.translation;

import dev.sluice.domain.conversation.Features;
import dev.sluice.domain.profile.AnthropicSupport;
import dev.sluice.domain.profile.Profile;

/**
 * Decides per endpoint whether an Anthropic request passes through or is translated. Decided per attempt, not per
 * request: when failover moves a request from llama.cpp (native) to an OpenAI-only server, it is translated for
 * that one and the client still gets Anthropic's wire format.
 */
public final class PassthroughPolicy {

    private final boolean passthroughEnabled;

    /** @param passthroughEnabled {@code translators.anthropic.passthrough_enabled} */
    public PassthroughPolicy(boolean passthroughEnabled) {
        this.passthroughEnabled = passthroughEnabled;
    }

    public ModeChoice choose(Profile profile, Features features) {
        AnthropicSupport support = profile.anthropicSupport();
        if (!support.enabled()) {
            return new ModeChoice(BackendMode.TRANSLATION, Fallback.NO_COMPATIBLE_ENDPOINTS);
        }
        if (!passthroughEnabled) {
            return new ModeChoice(BackendMode.TRANSLATION, Fallback.PASSTHROUGH_DISABLED);
        }
        if (conflicts(support, features)) {
            return new ModeChoice(BackendMode.TRANSLATION, Fallback.CANNOT_PASSTHROUGH);
        }
        return new ModeChoice(BackendMode.PASSTHROUGH, Fallback.NONE);
    }

    /** Whether a platform counts tokens natively, so {@code count_tokens} is forwarded rather than estimated. */
    public boolean countsTokens(Profile profile) {
        return passthroughEnabled && profile.anthropicSupport().enabled() && profile.anthropicSupport().tokenCount();
    }

    private static boolean conflicts(AnthropicSupport support, Features features) {
        return features.tools() && support.limitations().contains("no_tool_use")
                || features.thinking() && support.limitations().contains("no_extended_thinking")
                || features.vision() && support.limitations().contains("no_vision");
    }
}
