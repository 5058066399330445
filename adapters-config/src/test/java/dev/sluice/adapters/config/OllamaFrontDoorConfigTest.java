package dev.sluice.adapters.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.adapters.config.problem.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code server.ollama_front_door}: on unless turned off, in the file or the environment. */
class OllamaFrontDoorConfigTest {

    @TempDir
    Path dir;

    private boolean enabled(String yaml, Map<String, String> env) throws IOException {
        Path file = Files.writeString(dir.resolve("config.yaml"), yaml);
        return Configuration.load(Optional.of(file), env, dir).config().config().server().ollamaFrontDoor().enabled();
    }

    @Test
    void isOnByDefault_soAnOllaConfigGetsIt() throws IOException {
        assertThat(enabled("server:\n  port: 40114\n", Map.of())).isTrue();
    }

    @Test
    void canBeTurnedOffInTheFile() throws IOException {
        assertThat(enabled("server:\n  ollama_front_door:\n    enabled: false\n", Map.of())).isFalse();
    }

    @Test
    void canBeTurnedOffByEnvironment() throws IOException {
        assertThat(enabled("server:\n  port: 40114\n", Map.of("OLLA_SERVER_OLLAMA_FRONT_DOOR_ENABLED", "false")))
                .isFalse();
    }

    @Test
    void misspeltKeyIsRejected() {
        assertThatThrownBy(() -> enabled("server:\n  ollama_front_door:\n    enable: false\n", Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("enable");
    }
}
