package dev.sluice.domain.conversation;

/**
 * One piece of a message's content. The set is the union of what the dialects we translate can say; a dialect
 * that cannot carry a kind drops it or folds it into text, and says so where it does.
 */
public sealed interface Part permits TextPart, ImagePart, ToolUsePart, ToolResultPart, ThinkingPart {

    /** Characters this part adds to a prompt, for local token estimates. */
    int estimatedChars();
}
