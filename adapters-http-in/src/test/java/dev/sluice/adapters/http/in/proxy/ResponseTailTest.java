package dev.sluice.adapters.http.in.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ResponseTailTest {

    @Test
    void keepsEveryByteOfASmallAnswer_withoutMovingTheBuffers() {
        ResponseTail tail = new ResponseTail();
        ByteBuffer first = ByteBuffer.wrap("hello ".getBytes(StandardCharsets.US_ASCII));
        tail.keep(first);
        tail.keep(ByteBuffer.wrap("world".getBytes(StandardCharsets.US_ASCII)));
        assertThat(first.position()).isZero();
        assertThat(first.remaining()).isEqualTo(6);
        assertThat(tail.whole()).isTrue();
        assertThat(new String(tail.bytes(), StandardCharsets.US_ASCII)).isEqualTo("hello world");
    }

    @Test
    void keepsOnlyTheLastCapacityBytesOfALongOne_inOrder() {
        ResponseTail tail = new ResponseTail();
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            String chunk = i + ",";
            all.append(chunk);
            tail.keep(ByteBuffer.wrap(chunk.getBytes(StandardCharsets.US_ASCII)));
        }
        ByteBuffer big = ByteBuffer.allocate(ResponseTail.CAPACITY + 100);
        for (int i = 0; i < big.capacity(); i++) {
            big.put((byte) ('a' + i % 26));
        }
        big.flip();
        tail.keep(big.slice(50, 70));
        all.append(new String(big.array(), 50, 70, StandardCharsets.US_ASCII));
        assertThat(tail.whole()).isFalse();
        assertThat(new String(tail.bytes(), StandardCharsets.US_ASCII))
                .isEqualTo(all.substring(all.length() - ResponseTail.CAPACITY));
        tail.keep(big);
        assertThat(tail.bytes()).isEqualTo(java.util.Arrays.copyOfRange(big.array(), 100, big.capacity()));
    }
}
