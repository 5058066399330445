package dev.sluice.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code proxy.load_balancer: fastest-response} through the real proxy: traffic follows the faster backend. */
class FastestResponseIntegrationTest {

    private static final String CHAT = "{\"model\":\"llama3.2:3b\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    private static final String ANSWER =
            "{\"model\":\"llama3.2:3b\",\"message\":{\"role\":\"assistant\",\"content\":\"ok\"},\"done\":true}";

    @TempDir
    Path dir;

    private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        later.shutdownNow();
    }

    /** Answers every chat after {@code millis}, without blocking a backend thread. */
    private ScriptedBackend.ChatAnswer after(long millis) {
        return (response, callback) -> {
            later.schedule(() -> ScriptedBackend.write(response, callback, 200, ANSWER), millis, TimeUnit.MILLISECONDS);
            return true;
        };
    }

    @Test
    void trafficGoesToTheFasterBackendAndMovesWhenItSlowsDown() throws Exception {
        try (ScriptedBackend first = new ScriptedBackend(after(0));
             ScriptedBackend second = new ScriptedBackend(after(250));
             RunningProxy proxy = RunningProxy.start(dir, RunningProxy.config("proxy:\n  load_balancer: fastest-response\n",
                     RunningProxy.endpoint("first", first.baseUri(), "ollama"),
                     RunningProxy.endpoint("second", second.baseUri(), "ollama")))) {
            for (int i = 0; i < 12; i++) {
                assertThat(proxy.post("/olla/ollama/api/chat", CHAT).statusCode()).isEqualTo(200);
            }
            // Each is tried once while it has no figure; after that the fast one takes everything.
            assertThat(second.chats.get()).isEqualTo(1);
            assertThat(first.chats.get()).isEqualTo(11);

            first.answerChatWith(after(600));
            second.answerChatWith(after(0));
            int before = second.chats.get();
            for (int i = 0; i < 12; i++) {
                assertThat(proxy.post("/olla/ollama/api/chat", CHAT).statusCode()).isEqualTo(200);
            }
            // A few slow answers pull the first one's average past the second's 250 ms, then traffic moves.
            assertThat(second.chats.get() - before).isGreaterThanOrEqualTo(8);
        }
    }
}
