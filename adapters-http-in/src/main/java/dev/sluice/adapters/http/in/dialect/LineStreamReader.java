package dev.sluice.adapters.http.in.dialect;

import dev.sluice.domain.conversation.ReplyDelta;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** A stream of lines (SSE, NDJSON): bytes are cut into complete lines, each decoded as it is completed. */
final class LineStreamReader implements BackendDialect.StreamReader {

    private final SseLines lines = new SseLines();
    private final BackendDialect.StreamDecoder decoder;

    LineStreamReader(BackendDialect.StreamDecoder decoder) {
        this.decoder = decoder;
    }

    @Override
    public List<ReplyDelta> feed(ByteBuffer input) {
        return decode(lines.feed(input));
    }

    @Override
    public List<ReplyDelta> end() {
        return decode(lines.flush());
    }

    private List<ReplyDelta> decode(List<String> received) {
        if (received.isEmpty()) {
            return List.of();
        }
        List<ReplyDelta> deltas = new ArrayList<>();
        for (String line : received) {
            deltas.addAll(decoder.line(line));
        }
        return deltas;
    }
}
