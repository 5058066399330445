package dev.sluice.domain.conversation;

import java.util.Locale;

/** Why generation ended, in Anthropic's terms (the richest set among the dialects). */
public enum StopReason {
    END_TURN,
    MAX_TOKENS,
    STOP_SEQUENCE,
    TOOL_USE;

    /** Anthropic's wire name, e.g. {@code end_turn}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * An OpenAI {@code finish_reason}. Servers differ: some say {@code stop} after tool calls, so the caller says
     * whether the answer called a tool.
     */
    public static StopReason fromOpenAi(String finishReason, boolean calledTools) {
        if (calledTools) {
            return TOOL_USE;
        }
        if (finishReason == null) {
            return END_TURN;
        }
        switch (finishReason) {
            case "length":
                return MAX_TOKENS;
            case "tool_calls":
            case "function_call":
                return TOOL_USE;
            default:
                return END_TURN;
        }
    }
    /** Anthropic's {@code stop_reason}; {@code refusal}, {@code pause_turn} and anything newer end the turn. */
    public static StopReason fromAnthropic(String stopReason) {
        if (stopReason == null) {
            return END_TURN;
        }
        switch (stopReason) {
            case "max_tokens":
                return MAX_TOKENS;
            case "stop_sequence":
                return STOP_SEQUENCE;
            case "tool_use":
                return TOOL_USE;
            default:
                return END_TURN;
        }
    }

    /** OpenAI's {@code finish_reason} for this reason. */
    public String openAiFinishReason() {
        switch (this) {
            case MAX_TOKENS:
                return "length";
            case TOOL_USE:
                return "tool_calls";
            default:
                return "stop";
        }
    }
}
