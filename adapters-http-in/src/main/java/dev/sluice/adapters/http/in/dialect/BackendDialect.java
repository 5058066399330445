package dev.sluice.adapters.http.in.dialect;

import dev.sluice.domain.conversation.Conversation;
import dev.sluice.domain.conversation.Reply;
import dev.sluice.domain.conversation.ReplyDelta;
import dev.sluice.domain.profile.Profile;
import java.util.List;

/**
 * The wire format of a back end a conversation is translated to: how to ask (path and body) and how to read the
 * answer, whole or streamed: OpenAI chat completions, Anthropic Messages, Gemini generateContent, Bedrock Converse.
 * Implementations are stateless and thread-safe; a {@link StreamReader} (or {@link StreamDecoder}) belongs to one
 * response.
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

    /**
     * A fresh line decoder for one streamed response, for dialects whose streams are lines (SSE, NDJSON).
     *
     * @throws UnsupportedOperationException for a dialect whose stream is not made of lines (Bedrock's binary
     *                                       event stream): use {@link #streamReader()}
     */
    default StreamDecoder streamDecoder() {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " streams no lines");
    }

    /** A fresh reader for one streamed response's bytes; line dialects cut the bytes into lines first. */
    default StreamReader streamReader() {
        return new LineStreamReader(streamDecoder());
    }

    /**
     * Whether an answer of this Content-Type is this dialect's stream (and not a whole answer, which some servers
     * send to a streamed request).
     *
     * @param contentType the backend's Content-Type, null when it sent none
     */
    default boolean streams(String contentType) {
        return contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).contains("event-stream");
    }

    /** The human-readable message in one of the back end's error bodies, or the body itself when it has none. */
    String errorMessage(byte[] body);

    /**
     * The provider's name for an error's kind when its headers carry it rather than its body (Bedrock's
     * {@code x-amzn-ErrorType}); empty otherwise.
     *
     * @param header the response header of a name, null when absent
     */
    default java.util.Optional<String> errorKind(java.util.function.UnaryOperator<String> header) {
        return java.util.Optional.empty();
    }

    /**
     * Decodes one streamed response as its bytes arrive, whatever the framing: a frame or line cut between two
     * reads waits for its end, nothing else waits. Not thread-safe.
     */
    interface StreamReader {

        /** The deltas the bytes in {@code input} complete (consuming them all). */
        List<ReplyDelta> feed(java.nio.ByteBuffer input);

        /** The deltas left when the response ends: a last line without its newline, or a cut frame's failure. */
        List<ReplyDelta> end();
    }

    /** Decodes one stream, one complete line at a time. Not thread-safe. */
    interface StreamDecoder {
        List<ReplyDelta> line(String line);
    }
}
