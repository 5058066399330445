package dev.sluice.domain.conversation;

import java.util.Objects;
import java.util.Optional;

/**
 * Whether and which tool the model must call.
 *
 * @param toolName the tool for {@link Mode#TOOL}, empty otherwise
 * @param parallel whether the model may call several tools in one turn
 */
public record ToolChoice(Mode mode, Optional<String> toolName, boolean parallel) {

    /** Anthropic's four choices; OpenAI's {@code auto/required/none/{function}} map one to one. */
    public enum Mode {
        AUTO,
        ANY,
        NONE,
        TOOL
    }

    public ToolChoice {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(toolName, "toolName");
        if (mode == Mode.TOOL && toolName.isEmpty()) {
            throw new IllegalArgumentException("tool_choice of type tool names the tool");
        }
    }
}
