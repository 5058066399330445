package dev.sluice.domain.conversation;

import java.util.List;
import java.util.Objects;

/**
 * What a tool returned, sent back by the user side.
 *
 * @param content text and images the tool produced (Anthropic allows both, nested)
 * @param error   whether the tool failed; the content then describes the failure
 */
public record ToolResultPart(String toolUseId, List<Part> content, boolean error) implements Part {

    public ToolResultPart {
        Objects.requireNonNull(toolUseId, "toolUseId");
        content = List.copyOf(content);
    }

    /** The text of the result, parts joined by newlines; images are left out. */
    public String text() {
        StringBuilder text = new StringBuilder();
        for (Part part : content) {
            if (part instanceof TextPart t) {
                if (text.length() > 0) {
                    text.append('\n');
                }
                text.append(t.text());
            }
        }
        return text.toString();
    }

    @Override
    public int estimatedChars() {
        return content.stream().mapToInt(Part::estimatedChars).sum();
    }
}
