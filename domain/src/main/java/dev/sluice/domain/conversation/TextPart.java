package dev.sluice.domain.conversation;

import java.util.Objects;

/** Plain text. */
public record TextPart(String text) implements Part {

    public TextPart {
        Objects.requireNonNull(text, "text");
    }

    @Override
    public int estimatedChars() {
        return text.length();
    }
}
