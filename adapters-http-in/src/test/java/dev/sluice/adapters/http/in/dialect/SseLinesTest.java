package dev.sluice.adapters.http.in.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseLinesTest {

    @Test
    void linesCutAcrossReads_areHeldUntilTheirEnd_crlfAndMultibyteCharactersIntact() {
        byte[] stream = "data: {\"t\":\"héllo\"}\r\n\r\ndata: [DONE]\n\nrest".getBytes(StandardCharsets.UTF_8);
        for (int size = 1; size <= stream.length; size++) {
            SseLines lines = new SseLines();
            List<String> seen = new ArrayList<>();
            for (int offset = 0; offset < stream.length; offset += size) {
                ByteBuffer direct = ByteBuffer.allocateDirect(Math.min(size, stream.length - offset));
                direct.put(stream, offset, direct.remaining()).flip();
                seen.addAll(offset % 2 == 0 ? lines.feed(direct)
                        : lines.feed(ByteBuffer.wrap(stream, offset, Math.min(size, stream.length - offset))));
            }
            seen.addAll(lines.flush());
            assertThat(seen).as("read size %d", size)
                    .containsExactly("data: {\"t\":\"héllo\"}", "", "data: [DONE]", "", "rest");
        }
    }
}
