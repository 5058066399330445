package dev.sluice.benchmarks.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunOptionsTest {

    @Test
    void defaultsRunEveryScenarioOnBothEnginesWithTheRecommendedFlags() {
        RunOptions options = RunOptions.parse();

        assertThat(options.engines()).containsExactly("olla", "sherpa");
        assertThat(options.scenarios()).containsExactly("small", "small-open", "stream", "paced", "queue", "memory");
        assertThat(String.join(" ", options.proxyJvmFlags())).isEqualTo(RunOptions.RECOMMENDED_JVM_FLAGS);
        assertThat(options.loadedStreams()).isEqualTo(10_000);
        assertThat(options.nginx()).isEqualTo("nginx");
    }

    @Test
    void quickShortensEveryLevel() {
        RunOptions options = RunOptions.parse("--quick");

        assertThat(options.measure()).isLessThan(RunOptions.parse().measure());
        assertThat(options.loadedStreams()).isEqualTo(2000);
    }

    @Test
    void extraTargetsCarryTheirPids() {
        RunOptions options = RunOptions.parse("--target", "olla=http://127.0.0.1:40114/olla/ollama,pid=12+13",
                "--target", "other=http://127.0.0.1:9000");

        assertThat(options.extraTargets()).containsEntry("olla", URI.create("http://127.0.0.1:40114/olla/ollama"))
                .containsEntry("other", URI.create("http://127.0.0.1:9000"));
        assertThat(options.extraPids()).containsEntry("olla", List.of(12L, 13L)).containsEntry("other", List.of());
    }

    @Test
    void plainJavaMeansNoFlags() {
        assertThat(RunOptions.parse("--proxy-jvm", "").proxyJvmFlags()).isEmpty();
    }

    @Test
    void unknownOptionsAreRefused() {
        assertThatThrownBy(() -> RunOptions.parse("--fast")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--fast");
    }
}
