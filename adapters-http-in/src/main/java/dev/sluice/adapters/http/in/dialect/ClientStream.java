package dev.sluice.adapters.http.in.dialect;

import dev.sluice.domain.conversation.ReplyDelta;

/**
 * A front end's streamed answer in wire bytes: its application-layer state machine plus its encoder. Anthropic
 * today ({@link AnthropicClientStream}); an Ollama front end writes NDJSON the same way. Not thread-safe.
 */
public interface ClientStream {

    /** The bytes to send the client now for this delta; empty when it completes nothing yet. */
    byte[] on(ReplyDelta delta);

    /** The closing bytes once the back end's stream ended. */
    byte[] end();
}
