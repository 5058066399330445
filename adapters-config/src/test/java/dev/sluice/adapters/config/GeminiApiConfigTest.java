package dev.sluice.adapters.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.adapters.config.problem.ConfigException;
import dev.sluice.domain.endpoint.Endpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code provider.api}: Gemini's choice between its native API and its OpenAI-compatible surface. */
class GeminiApiConfigTest {

    @TempDir
    Path dir;

    private Endpoint only(String... lines) throws IOException {
        Path file = dir.resolve("config.yaml");
        Files.writeString(file, "discovery:\n  static:\n    endpoints:\n" + String.join("\n", lines) + "\n");
        return Configuration.load(Optional.of(file), Map.of(), dir).endpoints().get(0);
    }

    @ParameterizedTest(name = "api: {0}")
    @CsvSource({"native,true", "openai,false"})
    void geminiChoosesItsApi(String api, boolean nativeApi) throws IOException {
        Endpoint e = only("      - url: https://generativelanguage.googleapis.com", "        type: gemini",
                "        auth: {key: k}", "        provider: {api: " + api + "}");
        assertThat(e.provider().nativeApi()).isEqualTo(nativeApi);
    }

    @Test
    void theOpenAiSurfaceIsTheDefault() throws IOException {
        assertThat(only("      - url: https://generativelanguage.googleapis.com", "        type: gemini",
                "        auth: {key: k}").provider().nativeApi()).isFalse();
    }

    @Test
    void anyOtherValueIsRefused() {
        assertThatThrownBy(() -> only("      - url: https://generativelanguage.googleapis.com", "        type: gemini",
                "        auth: {key: k}", "        provider: {api: grpc}"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("endpoints[0].provider.api' must be native or openai, not 'grpc'");
    }

    @Test
    void outsideGeminiItDoesNothing_soItIsRefused() {
        assertThatThrownBy(() -> only("      - url: https://api.openai.com/v1", "        type: openai-api",
                "        auth: {token: k}", "        provider: {api: native}"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("endpoints[0].provider.api' does nothing for type 'openai-api'");
    }
}
