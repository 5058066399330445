package dev.sluice.application.translation;

import dev.sluice.domain.conversation.StopReason;
import java.util.Objects;
import java.util.Optional;

/**
 * One server-sent event of Anthropic's Messages stream, as values; the inbound adapter writes each as
 * {@code event: <name>\ndata: <json>\n\n}.
 */
public sealed interface AnthropicEvent {

    /** The SSE event name, which is also the JSON {@code type}. */
    String name();

    /** Opens the message; usage carries the input estimate until the back end counts. */
    record MessageStart(String id, String model, long inputTokens) implements AnthropicEvent {
        @Override
        public String name() {
            return "message_start";
        }
    }

    /** Keeps idle connections open, as Anthropic's API does once after the start. */
    record Ping() implements AnthropicEvent {
        @Override
        public String name() {
            return "ping";
        }
    }

    /** What kind of content block opened. */
    enum BlockKind {
        TEXT,
        THINKING,
        TOOL_USE
    }

    /** A content block opens at {@code index}; a tool-use block names its call. */
    record BlockStart(int index, BlockKind kind, Optional<String> toolId, Optional<String> toolName)
            implements AnthropicEvent {
        public BlockStart {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(toolId, "toolId");
            Objects.requireNonNull(toolName, "toolName");
        }

        @Override
        public String name() {
            return "content_block_start";
        }
    }

    /** The delta types of {@code content_block_delta}. */
    enum DeltaKind {
        TEXT_DELTA,
        THINKING_DELTA,
        INPUT_JSON_DELTA
    }

    /** More content for the block at {@code index}. */
    record BlockDelta(int index, DeltaKind kind, String value) implements AnthropicEvent {
        public BlockDelta {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String name() {
            return "content_block_delta";
        }
    }

    /** The block at {@code index} is complete. */
    record BlockStop(int index) implements AnthropicEvent {
        @Override
        public String name() {
            return "content_block_stop";
        }
    }

    /**
     * Why the message stopped and the final usage.
     *
     * @param inputTokens the back end's count, when it gave one
     */
    record MessageDelta(StopReason stopReason, long outputTokens, Optional<Long> inputTokens)
            implements AnthropicEvent {
        public MessageDelta {
            Objects.requireNonNull(stopReason, "stopReason");
            Objects.requireNonNull(inputTokens, "inputTokens");
        }

        @Override
        public String name() {
            return "message_delta";
        }
    }

    /** The message is complete. */
    record MessageStop() implements AnthropicEvent {
        @Override
        public String name() {
            return "message_stop";
        }
    }

    /** The stream failed after it started: Anthropic's in-band {@code event: error}. */
    record StreamError(String type, String message) implements AnthropicEvent {
        @Override
        public String name() {
            return "error";
        }
    }
}
