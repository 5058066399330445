package dev.sluice.adapters.http.in.dialect;

import dev.sluice.application.translation.AnthropicStreamWriter;
import dev.sluice.domain.conversation.ReplyDelta;

/** Anthropic's event stream: the application's state machine, its events encoded as SSE. */
public final class AnthropicClientStream implements ClientStream {

    private final AnthropicStreamWriter writer;
    private final AnthropicReplies encoder;

    public AnthropicClientStream(AnthropicStreamWriter writer, AnthropicReplies encoder) {
        this.writer = writer;
        this.encoder = encoder;
    }

    @Override
    public byte[] on(ReplyDelta delta) {
        return encoder.events(writer.on(delta));
    }

    @Override
    public byte[] end() {
        return encoder.events(writer.end());
    }
}
