package dev.sluice.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code proxy.load_balancer: cost-optimized}: the free backend serves while it can, the priced one after. */
class CostOptimizedIntegrationTest {

    private static final String CHAT = "{\"model\":\"llama3.2:3b\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    private static final String ANSWER =
            "{\"model\":\"llama3.2:3b\",\"message\":{\"role\":\"assistant\",\"content\":\"ok\"},\"done\":true}";

    @TempDir
    Path dir;

    @Test
    void theFreeBackendFirstThenThePricedOneWhenItIsGone() throws Exception {
        ScriptedBackend.ChatAnswer ok = (response, callback) -> {
            ScriptedBackend.write(response, callback, 200, ANSWER);
            return true;
        };
        try (ScriptedBackend paid = new ScriptedBackend(ok);
             ScriptedBackend free = new ScriptedBackend(ok);
             RunningProxy proxy = RunningProxy.start(dir, RunningProxy.config("proxy:\n  load_balancer: cost-optimized\n",
                     RunningProxy.endpoint("paid", paid.baseUri(), "ollama", "priority: 200",
                             "cost_per_million_tokens: 0.6"),
                     RunningProxy.endpoint("free", free.baseUri(), "ollama", "priority: 10")))) {
            for (int i = 0; i < 6; i++) {
                assertThat(proxy.post("/olla/ollama/api/chat", CHAT).statusCode()).isEqualTo(200);
            }
            assertThat(free.chats.get()).isEqualTo(6);
            assertThat(paid.chats.get()).isZero();

            free.close();
            for (int i = 0; i < 3; i++) {
                assertThat(proxy.post("/olla/ollama/api/chat", CHAT).statusCode()).isEqualTo(200);
            }
            assertThat(paid.chats.get()).isEqualTo(3);
        }
    }
}
