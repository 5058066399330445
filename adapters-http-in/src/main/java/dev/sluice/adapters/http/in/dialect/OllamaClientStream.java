package dev.sluice.adapters.http.in.dialect;

import dev.sluice.application.translation.OllamaStreamWriter;
import dev.sluice.domain.conversation.ReplyDelta;

/** Ollama's NDJSON answer stream: the application's state machine, its chunks written as lines. Not thread-safe. */
public final class OllamaClientStream implements ClientStream {

    private final OllamaStreamWriter writer;
    private final OllamaReplies encoder;
    private final String model;
    private final OllamaReplies.Shape shape;

    /** @param model the model the client asked for, which every line names */
    public OllamaClientStream(OllamaStreamWriter writer, OllamaReplies encoder, String model, OllamaReplies.Shape shape) {
        this.writer = writer;
        this.encoder = encoder;
        this.model = model;
        this.shape = shape;
    }

    @Override
    public byte[] on(ReplyDelta delta) {
        return encoder.lines(writer.on(delta), model, shape);
    }

    @Override
    public byte[] end() {
        return encoder.lines(writer.end(), model, shape);
    }
}
