package dev.sluice.adapters.http.in.dialect;

import dev.sluice.domain.conversation.Conversation;
import dev.sluice.domain.conversation.Reply;
import dev.sluice.domain.conversation.ReplyDelta;
import dev.sluice.domain.profile.Profile;
import java.util.List;

/**
 * The wire format of a back end a conversation is translated to: how to ask (path and body) and how to read the
 * answer, whole or streamed: OpenAI chat completions, Anthropic Messages, Gemini generateContent. Implementations are stateless and thread-safe; a {@link StreamDecoder} belongs to one response.
 */
public interface BackendDialect {

    /** The path on the endpoint, e.g. {@code /v1/chat/completions}. */
    String path();

    /** The path for this conversation, for APIs that name the model or the mode in it (Gemini). */
    default String path(Conversation conversation) {
        return path();
    }

    /** The query for this conversation, if any (Gemini's {@code alt=sse} for a stream). */
    default java.util.Optional<String> query(Conversation conversation) {
        return java.util.Optional.empty();
    }

    /** The request body for this platform ({@code profile} says which optional fields it accepts). */
    byte[] request(Conversation conversation, Profile profile);

    /**
     * A whole answer.
     *
     * @param fallbackId message id when the back end gives none
     * @throws InvalidRequest when the body is not an answer in this dialect
     */
    Reply reply(byte[] body, String fallbackId) throws InvalidRequest;

    /** A fresh decoder for one streamed response. */
    StreamDecoder streamDecoder();

    /** The human-readable message in one of the back end's error bodies, or the body itself when it has none. */
    String errorMessage(byte[] body);

    /** Decodes one stream, one complete line at a time. Not thread-safe. */
    interface StreamDecoder {
        List<ReplyDelta> line(String line);
    }
}
