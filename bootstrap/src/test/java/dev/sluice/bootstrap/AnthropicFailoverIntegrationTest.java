package dev.sluice.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.simulator.BackendKind;
import dev.sluice.simulator.SimulatedBackend;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mode is chosen per attempt: when the preferred endpoint (llama.cpp, native Anthropic) is gone, the same
 * request fails over to an OpenAI-only server and is translated, invisibly to the client.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
class AnthropicFailoverIntegrationTest {

    private static final String MODEL = "shared-model";
    private static final String ASK = "{\"model\":\"" + MODEL + "\",\"max_tokens\":32,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    private static final ObjectMapper JSON = new ObjectMapper();

    private SimulatedBackend llamaCpp;
    private SimulatedBackend generic;
    private RunningProxy proxy;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        llamaCpp = SimulatedBackend.builder(BackendKind.LLAMACPP).name("llamacpp").models(MODEL).start();
        generic = SimulatedBackend.builder(BackendKind.OPENAI_COMPATIBLE).name("generic").models(MODEL).start();
        proxy = RunningProxy.start(dir, RunningProxy.config("proxy:\n  load_balancer: priority\n",
                RunningProxy.endpoint("llamacpp", llamaCpp.baseUri(), "llamacpp", "priority: 100"),
                RunningProxy.endpoint("generic", generic.baseUri(), "openai-compatible", "priority: 10")));
    }

    @AfterAll
    void stop() {
        if (proxy != null) {
            proxy.close();
        }
        llamaCpp.close();
        generic.close();
    }

    @Test
    void nativeEndpointGone_requestFailsOverAndIsTranslated() throws Exception {
        HttpResponse<String> first = proxy.post("/olla/anthropic/v1/messages", ASK);
        assertThat(first.headers().firstValue("X-Olla-Mode")).contains("passthrough");
        assertThat(first.headers().firstValue("X-Olla-Endpoint")).contains("llamacpp");

        llamaCpp.stop();
        HttpResponse<String> second = proxy.post("/olla/anthropic/v1/messages", ASK);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.headers().firstValue("X-Olla-Mode")).contains("translation");
        assertThat(second.headers().firstValue("X-Olla-Endpoint")).contains("generic");
        assertThat(JSON.readTree(second.body()).at("/content/0/text").asText()).isEqualTo("The quick brown fox jumps");
    }
}
