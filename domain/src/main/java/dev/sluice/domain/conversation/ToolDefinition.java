package dev.sluice.domain.conversation;

import java.util.Objects;

/**
 * A tool the model may call.
 *
 * @param inputSchemaJson the JSON Schema of its arguments, as text
 */
public record ToolDefinition(String name, String description, String inputSchemaJson) {

    public ToolDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(inputSchemaJson, "inputSchemaJson");
    }
}
