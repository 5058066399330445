package dev.sluice.domain.conversation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A chat request in no particular dialect: what every front end (Anthropic Messages, OpenAI chat, Ollama) parses
 * into and every back end encodes from. Fields a dialect cannot express are dropped by that dialect's encoder.
 *
 * @param system         system prompt parts (text), in order
 * @param toolChoice     empty when the client did not say (the back end's default applies)
 * @param user           an opaque end-user id for abuse tracking ({@code metadata.user_id})
 * @param thinkingBudget tokens the client allows for visible reasoning; empty when thinking is off
 * @param format         the shape the answer's text must take (Ollama's {@code format}); {@link ResponseFormat#TEXT}
 *                       when the client did not ask for one
 */
public record Conversation(String model, List<Part> system, List<Message> messages, List<ToolDefinition> tools,
                           Optional<ToolChoice> toolChoice, Sampling sampling, boolean stream, Optional<String> user,
                           OptionalInt thinkingBudget, ResponseFormat format) {

    public Conversation {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(model, "model");
        system = List.copyOf(system);
        messages = List.copyOf(messages);
        tools = List.copyOf(tools);
        Objects.requireNonNull(toolChoice, "toolChoice");
        Objects.requireNonNull(sampling, "sampling");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(thinkingBudget, "thinkingBudget");
    }

    /** A conversation whose answer is free text (every front end but Ollama's). */
    public Conversation(String model, List<Part> system, List<Message> messages, List<ToolDefinition> tools,
                        Optional<ToolChoice> toolChoice, Sampling sampling, boolean stream, Optional<String> user,
                        OptionalInt thinkingBudget) {
        this(model, system, messages, tools, toolChoice, sampling, stream, user, thinkingBudget, ResponseFormat.TEXT);
    }

    /** The same conversation for a back end that knows the model by another name (an alias). */
    public Conversation withModel(String newModel) {
        return new Conversation(newModel, system, messages, tools, toolChoice, sampling, stream, user, thinkingBudget,
                format);
    }

    /** What the request needs from a back end, checked against a platform's declared limitations. */
    public Features features() {
        boolean images = messages.stream().flatMap(m -> m.parts().stream()).anyMatch(p -> p instanceof ImagePart
                || p instanceof ToolResultPart r && r.content().stream().anyMatch(c -> c instanceof ImagePart));
        boolean toolParts = messages.stream().flatMap(m -> m.parts().stream())
                .anyMatch(p -> p instanceof ToolUsePart || p instanceof ToolResultPart);
        return new Features(!tools.isEmpty() || toolParts, thinkingBudget.isPresent(), images);
    }

    /** A local token estimate, four characters a token (Olla's rule), never zero for a non-empty prompt. */
    public long estimatedInputTokens() {
        long chars = system.stream().mapToLong(Part::estimatedChars).sum()
                + messages.stream().flatMap(m -> m.parts().stream()).mapToLong(Part::estimatedChars).sum()
                + tools.stream().mapToLong(t -> t.name().length() + t.description().length()
                + t.inputSchemaJson().length()).sum();
        return chars == 0 ? 0 : Math.max(1, (chars + 3) / 4);
    }
}
