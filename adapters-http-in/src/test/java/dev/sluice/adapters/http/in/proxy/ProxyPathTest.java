package dev.sluice.adapters.http.in.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ProxyPathTest {

    @ParameterizedTest
    @CsvSource({
            "/olla/ollama/api/chat,       ollama, /api/chat",
            "/olla/LMStudio/v1/models,    lmstudio, /v1/models",
            "/olla/proxy,                 proxy, /",
            "/olla/vllm/v1/chat/completions, vllm, /v1/chat/completions",
    })
    void splitsPrefixAndUpstreamPath(String uri, String prefix, String path) {
        ProxyPath parsed = ProxyPath.parse(uri, null).orElseThrow();
        assertThat(parsed.prefix()).isEqualTo(prefix);
        assertThat(parsed.path()).isEqualTo(path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/olla/ollama/../internal/status", "/olla/ollama/api/%2e%2e/secret",
            "/olla/ollama/api/%2E%2E%2Fsecret", "/olla/vllm/..%5c..%5cetc"})
    void refusesTraversal(String uri) {
        assertThat(ProxyPath.parse(uri, null).orElseThrow().traverses()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/internal/status", "/olla/", "/ollama/api/chat"})
    void ignoresWhatIsNotAProxyRoute(String uri) {
        assertThat(ProxyPath.parse(uri, null)).isEqualTo(Optional.empty());
    }
}
