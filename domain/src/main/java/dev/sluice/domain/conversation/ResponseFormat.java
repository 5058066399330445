package dev.sluice.domain.conversation;

import java.util.Objects;
import java.util.Optional;

/**
 * What shape the answer's text must have: free text, any JSON object, or JSON matching a schema (Ollama's
 * {@code format}, OpenAI's {@code response_format}).
 *
 * @param schemaJson the JSON Schema as text, for {@link Kind#JSON_SCHEMA} only
 */
public record ResponseFormat(Kind kind, Optional<String> schemaJson) {

    public static final ResponseFormat TEXT = new ResponseFormat(Kind.TEXT, Optional.empty());
    public static final ResponseFormat JSON = new ResponseFormat(Kind.JSON_OBJECT, Optional.empty());

    public enum Kind {
        TEXT,
        JSON_OBJECT,
        JSON_SCHEMA
    }

    public ResponseFormat {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(schemaJson, "schemaJson");
        if ((kind == Kind.JSON_SCHEMA) != schemaJson.isPresent()) {
            throw new IllegalArgumentException("a schema comes with, and only with, the json_schema format");
        }
    }

    public static ResponseFormat schema(String schemaJson) {
        return new ResponseFormat(Kind.JSON_SCHEMA, Optional.of(schemaJson));
    }
}
