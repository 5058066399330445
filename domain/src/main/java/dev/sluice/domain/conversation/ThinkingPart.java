package dev.sluice.domain.conversation;

import java.util.Objects;

/**
 * The model's visible reasoning (Anthropic's extended thinking, OpenAI servers' {@code reasoning_content}).
 *
 * @param signature Anthropic's integrity token for the block; empty when the text came from a server that has none
 */
public record ThinkingPart(String text, String signature) implements Part {

    public ThinkingPart {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(signature, "signature");
    }

    @Override
    public int estimatedChars() {
        return text.length();
    }
}
