package dev.sluice.adapters.http.out;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class TransportFailuresTest {

    private static final Duration TIMEOUT = Duration.ofMillis(1500);

    @Test
    void namesCausesByTypeWhateverTheOsSays() {
        assertThat(TransportFailures.reason(new ConnectException("Connection refused: no further information"),
                TIMEOUT)).isEqualTo("connection refused");
        assertThat(TransportFailures.reason(new UnknownHostException("x"), TIMEOUT)).isEqualTo("unknown host");
        assertThat(TransportFailures.reason(new SocketTimeoutException("Connect Timeout"), TIMEOUT))
                .isEqualTo("connect timed out");
        assertThat(TransportFailures.reason(new EOFException(), TIMEOUT))
                .isEqualTo("connection closed before an answer");
    }

    @Test
    void aTotalTimeoutNamesTheTimeout() {
        assertThat(TransportFailures.reason(new TimeoutException("Total timeout 1500 ms elapsed"), TIMEOUT))
                .isEqualTo("timed out after 1500 ms");
    }

    @Test
    void looksThroughFutureWrappers() {
        assertThat(TransportFailures.reason(new CompletionException(new ConnectException("refused")), TIMEOUT))
                .isEqualTo("connection refused");
    }

    @Test
    void readsResetsFromTheMessage() {
        assertThat(TransportFailures.reason(new IOException("Connection reset by peer"), TIMEOUT))
                .isEqualTo("connection reset");
    }

    @Test
    void anythingElseKeepsItsTypeAndMessage() {
        assertThat(TransportFailures.reason(new IllegalStateException("odd"), TIMEOUT))
                .isEqualTo("IllegalStateException: odd");
    }
}
