package dev.sluice.adapters.config.schema;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.time.Duration;

/** Reads Go-style durations ({@link GoDurations}); a bad one fails with the value and examples of good ones. */
public final class DurationDeserializer extends StdDeserializer<Duration> {

    public DurationDeserializer() {
        super(Duration.class);
    }

    @Override
    public Duration deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT) {
            return Duration.ofSeconds(parser.getLongValue());
        }
        String text = parser.getValueAsString();
        try {
            return GoDurations.parse(text);
        } catch (IllegalArgumentException e) {
            return (Duration) context.handleWeirdStringValue(Duration.class, text, e.getMessage());
        }
    }
}
