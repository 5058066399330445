package dev.sluice.adapters.config.schema;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;

/** Reads {@link ByteSize} values; a bad one fails with the value and the accepted forms. */
final class ByteSizeDeserializer extends StdDeserializer<Long> {

    ByteSizeDeserializer() {
        super(Long.class);
    }

    @Override
    public Long deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT) {
            return parser.getLongValue();
        }
        String text = parser.getValueAsString();
        try {
            return ByteSizes.parse(text);
        } catch (IllegalArgumentException e) {
            return (Long) context.handleWeirdStringValue(Long.class, text, e.getMessage());
        }
    }
}
