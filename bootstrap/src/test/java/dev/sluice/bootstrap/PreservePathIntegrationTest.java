package dev.sluice.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.simulator.BackendKind;
import dev.sluice.simulator.RecordedRequest;
import dev.sluice.simulator.SimulatedBackend;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code preserve_path}: a backend mounted under a base path (Docker Model Runner's {@code /engines/llama.cpp},
 * Olla's issue #80) receives the client's path after that base; without it, the base is replaced.
 */
@Timeout(60)
class PreservePathIntegrationTest {

    private static final String CHAT = "{\"model\":\"llama3.2:3b\",\"stream\":false,\"messages\":[]}";

    @TempDir
    Path dir;

    private List<String> chatPathsSeen(boolean preserve) throws Exception {
        try (SimulatedBackend ollama = SimulatedBackend.builder(BackendKind.OLLAMA).name("ollama").models("llama3.2:3b")
                .start()) {
            String root = ollama.baseUri().toString();
            try (RunningProxy proxy = RunningProxy.start(dir, RunningProxy.config("",
                    RunningProxy.endpoint("mounted", ollama.baseUri().resolve("/engines/llama.cpp"), "ollama",
                            "preserve_path: " + preserve, "health_check_url: \"" + root + "/\"",
                            "model_url: \"" + root + "/api/tags\"")))) {
                proxy.post("/olla/ollama/api/chat?trace=1", CHAT);
            }
            return ollama.requests().stream().map(RecordedRequest::path).filter(p -> p.endsWith("/api/chat")).toList();
        }
    }

    @Test
    void withPreservePathTheBasePathIsKept() throws Exception {
        assertThat(chatPathsSeen(true)).containsExactly("/engines/llama.cpp/api/chat");
    }

    @Test
    void withoutItTheClientsPathReplacesTheBase() throws Exception {
        assertThat(chatPathsSeen(false)).containsExactly("/api/chat");
    }
}
