package dev.sluice.domain.conversation;

import java.util.Objects;
import java.util.Optional;

/**
 * One step of a streamed answer in no particular dialect: what a back end's stream decoder emits per upstream
 * event and a front end's stream writer consumes. A back end for a new platform (Gemini, Bedrock, Anthropic)
 * only has to produce these; a new front end (Ollama) only has to consume them.
 */
public sealed interface ReplyDelta {

    /** The answer has an id and a model (OpenAI repeats them on every chunk; the first one counts). */
    record Opened(String id, String model) implements ReplyDelta {
        public Opened {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(model, "model");
        }
    }

    /** More answer text. */
    record Text(String text) implements ReplyDelta {
        public Text {
            Objects.requireNonNull(text, "text");
        }
    }

    /** More visible reasoning. */
    record Thinking(String text) implements ReplyDelta {
        public Thinking {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * A piece of a tool call. The first piece of a call carries its id and name; later ones only argument text.
     *
     * @param index the call's position among this answer's calls (parallel calls have distinct indices)
     */
    record ToolCall(int index, Optional<String> id, Optional<String> name, String argumentsFragment)
            implements ReplyDelta {
        public ToolCall {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(argumentsFragment, "argumentsFragment");
        }
    }

    /** Generation stopped, for this reason; usage may still follow. */
    record Finished(StopReason reason) implements ReplyDelta {
        public Finished {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** What the back end counted. */
    record Counted(Usage usage) implements ReplyDelta {
        public Counted {
            Objects.requireNonNull(usage, "usage");
        }
    }

    /** The back end's own end-of-stream marker (OpenAI's {@code [DONE]}). */
    record Done() implements ReplyDelta {
    }

    /** The back end reported an error inside the stream, after it had started. */
    record Failed(String message) implements ReplyDelta {
        public Failed {
            Objects.requireNonNull(message, "message");
        }
    }
}
