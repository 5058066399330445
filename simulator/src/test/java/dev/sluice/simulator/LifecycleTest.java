package dev.sluice.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.ServerSocket;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LifecycleTest {

    private static TestHttp http;

    @BeforeAll
    static void startClient() {
        http = new TestHttp();
    }

    @AfterAll
    static void stopClient() {
        http.close();
    }

    @Test
    void portZeroBindsAnEphemeralPort() {
        try (SimulatedBackend backend = SimulatedBackend.builder(BackendKind.VLLM).start()) {
            assertThat(backend.port()).isPositive();
            assertThat(backend.baseUri().toString()).isEqualTo("http://127.0.0.1:" + backend.port());
            assertThat(backend.isRunning()).isTrue();
        }
    }

    @Test
    void stoppedBackendRefusesConnections() throws Exception {
        SimulatedBackend backend = SimulatedBackend.builder(BackendKind.OLLAMA).start();
        assertThat(http.get(backend, "/").getStatus()).isEqualTo(200);

        backend.stop();

        assertThat(backend.isRunning()).isFalse();
        // A connection the client pooled before the stop fails with EOF; a new one is refused. Both mean "down".
        assertThatThrownBy(() -> http.get(backend, "/"))
                .isInstanceOf(ExecutionException.class)
                .satisfies(e -> assertThat(org.assertj.core.util.Throwables.getRootCause(e))
                        .isInstanceOfAny(ConnectException.class, java.io.EOFException.class));
    }

    @Test
    void restartComesBackOnTheSamePort() throws Exception {
        try (SimulatedBackend backend = SimulatedBackend.builder(BackendKind.LLAMACPP).start()) {
            int port = backend.port();
            http.get(backend, "/health");

            backend.restart();

            assertThat(backend.port()).isEqualTo(port);
            assertThat(http.get(backend, "/health").getStatus()).isEqualTo(200);
        }
    }

    @Test
    void startAfterStopReusesThePortAndKeepsSettings() throws Exception {
        try (SimulatedBackend backend = SimulatedBackend.builder(BackendKind.VLLM).start()) {
            int port = backend.port();
            backend.setHealthStatus(500);
            backend.stop();

            backend.start();

            assertThat(backend.port()).isEqualTo(port);
            assertThat(http.get(backend, "/health").getStatus()).isEqualTo(500);
        }
    }

    @Test
    void stopFreesThePortForOthers() throws Exception {
        SimulatedBackend backend = SimulatedBackend.builder(BackendKind.SGLANG).start();
        int port = backend.port();

        backend.stop();

        try (ServerSocket socket = new ServerSocket(port, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            assertThat(socket.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void explicitPortIsUsed() throws Exception {
        int free;
        try (ServerSocket probe = new ServerSocket(0)) {
            free = probe.getLocalPort();
        }
        try (SimulatedBackend backend = SimulatedBackend.builder(BackendKind.OLLAMA).port(free).start()) {
            assertThat(backend.port()).isEqualTo(free);
            assertThat(http.get(backend, "/").getStatus()).isEqualTo(200);
        }
    }

    @Test
    void takenPortFailsWithThePortInTheMessage() {
        try (SimulatedBackend first = SimulatedBackend.builder(BackendKind.OLLAMA).start()) {
            SimulatedBackend second = SimulatedBackend.builder(BackendKind.OLLAMA).port(first.port()).build();

            assertThatThrownBy(second::start)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("127.0.0.1:" + first.port());
            assertThat(second.isRunning()).isFalse();
        }
    }

    @Test
    void stopAndCloseAreIdempotentAndStartTwiceIsHarmless() {
        SimulatedBackend backend = SimulatedBackend.builder(BackendKind.LITELLM).build();
        backend.stop();

        assertThat(backend.start()).isSameAs(backend.start());
        backend.close();
        backend.close();
        assertThat(backend.isRunning()).isFalse();
    }

    @Test
    void portIsUnknownBeforeAnEphemeralStart() {
        SimulatedBackend backend = SimulatedBackend.builder(BackendKind.LMDEPLOY).build();

        assertThatThrownBy(backend::port).isInstanceOf(IllegalStateException.class).hasMessageContaining("not started");
    }
}
