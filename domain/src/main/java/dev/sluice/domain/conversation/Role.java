package dev.sluice.domain.conversation;

/** Who speaks a message. System text is not a message here: it is the conversation's own field, as in Anthropic. */
public enum Role {
    USER,
    ASSISTANT
}
