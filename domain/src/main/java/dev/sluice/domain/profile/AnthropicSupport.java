package dev.sluice.domain.profile;

import java.util.List;
import java.util.Objects;

/**
 * Whether a platform speaks the Anthropic Messages API natively, so requests can pass through untranslated.
 *
 * @param limitations declared gaps such as {@code no_tool_use}, {@code no_extended_thinking}, {@code no_vision}
 */
public record AnthropicSupport(boolean enabled, String messagesPath, boolean tokenCount, String minVersion,
                               List<String> limitations) {

    public static final AnthropicSupport NONE = new AnthropicSupport(false, "/v1/messages", false, "", List.of());

    public AnthropicSupport {
        Objects.requireNonNull(messagesPath, "messagesPath");
        Objects.requireNonNull(minVersion, "minVersion");
        limitations = List.copyOf(limitations);
    }
}
