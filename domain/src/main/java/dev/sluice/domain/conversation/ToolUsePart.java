package dev.sluice.domain.conversation;

import java.util.Objects;

/**
 * The assistant calls a tool.
 *
 * @param inputJson the arguments as one JSON object, kept as text: the domain never interprets them
 */
public record ToolUsePart(String id, String name, String inputJson) implements Part {

    public ToolUsePart {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(inputJson, "inputJson");
    }

    @Override
    public int estimatedChars() {
        return name.length() + inputJson.length();
    }
}
