package dev.sluice.adapters.http.in.dialect;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.domain.conversation.ReplyDelta;
import dev.sluice.domain.conversation.Usage;
import java.io.ByteArrayOutputStream;

/**
 * OpenAI's {@code chat.completion.chunk} stream for an answer from another dialect: a first chunk with the
 * assistant role, one chunk per delta (text as {@code content}, reasoning as {@code reasoning_content}, tool calls
 * with their index, the first piece of each with id and name), the {@code finish_reason} chunk, the usage chunk
 * when the client asked for one ({@code stream_options.include_usage}), then {@code data: [DONE]}. A failure after
 * the stream began is an {@code {"error":...}} event, which the OpenAI SDKs raise. Not thread-safe.
 */
public final class OpenAiClientStream implements ClientStream {

    private final OpenAiReplies encoder;
    private final String id;
    private final String model;
    private final long created;
    private final boolean includeUsage;
    private boolean opened;
    private boolean finished;
    private boolean ended;
    private Usage usage;

    /**
     * @param id      the completion id every chunk repeats
     * @param model   the model as the client asked for it
     * @param created the answer's time, in epoch seconds
     */
    public OpenAiClientStream(OpenAiReplies encoder, String id, String model, long created, boolean includeUsage) {
        this.encoder = encoder;
        this.id = id;
        this.model = model;
        this.created = created;
        this.includeUsage = includeUsage;
    }

    @Override
    public byte[] on(ReplyDelta delta) {
        if (ended) {
            return new byte[0];
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        if (delta instanceof ReplyDelta.Failed failed) {
            ended = true;
            return encoder.streamError(failed.message());
        }
        if (delta instanceof ReplyDelta.Done) {
            return end();
        }
        if (delta instanceof ReplyDelta.Counted counted) {
            usage = counted.usage();
            return new byte[0];
        }
        open(out);
        if (delta instanceof ReplyDelta.Text text) {
            out.writeBytes(encoder.event(choice(d -> d.put("content", text.text()))));
        } else if (delta instanceof ReplyDelta.Thinking thinking) {
            out.writeBytes(encoder.event(choice(d -> d.put("reasoning_content", thinking.text()))));
        } else if (delta instanceof ReplyDelta.ToolCall call) {
            out.writeBytes(encoder.event(choice(d -> {
                ObjectNode c = d.putArray("tool_calls").addObject().put("index", call.index());
                call.id().ifPresent(v -> c.put("id", v).put("type", "function"));
                ObjectNode function = c.putObject("function");
                call.name().ifPresent(v -> function.put("name", v));
                function.put("arguments", call.argumentsFragment());
            })));
        } else if (delta instanceof ReplyDelta.Finished done && !finished) {
            finished = true;
            ObjectNode chunk = encoder.chunk(id, model, created);
            chunk.putArray("choices").addObject().put("index", 0).putObject("delta");
            ((ObjectNode) chunk.path("choices").get(0)).put("finish_reason", done.reason().openAiFinishReason());
            out.writeBytes(encoder.event(chunk));
        }
        return out.toByteArray();
    }

    // The first chunk names the role, as OpenAI's does; clients key their message on it.
    private void open(ByteArrayOutputStream out) {
        if (!opened) {
            opened = true;
            out.writeBytes(encoder.event(choice(d -> d.put("role", "assistant").put("content", ""))));
        }
    }

    private ObjectNode choice(java.util.function.Consumer<ObjectNode> delta) {
        ObjectNode chunk = encoder.chunk(id, model, created);
        ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
        delta.accept(choice.putObject("delta"));
        choice.putNull("finish_reason");
        return chunk;
    }

    @Override
    public byte[] end() {
        if (ended) {
            return new byte[0];
        }
        ended = true;
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        open(out);
        if (includeUsage && usage != null) {
            ObjectNode chunk = encoder.chunk(id, model, created);
            chunk.putArray("choices");
            encoder.usage(chunk, usage);
            out.writeBytes(encoder.event(chunk));
        }
        out.writeBytes("data: [DONE]\n\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return out.toByteArray();
    }
}
