package dev.sluice.domain.conversation;

/** What a request asks of a back end beyond plain text. */
public record Features(boolean tools, boolean thinking, boolean vision) {
}
