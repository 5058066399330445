package dev.sluice.soak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SoakArgsTest {

    @Test
    void noArgumentsGiveTheDocumentedDefaults() throws Exception {
        SoakArgs args = SoakArgs.parse();

        assertThat(args.duration()).isEqualTo(Duration.ofMinutes(10));
        assertThat(args.concurrency()).isEqualTo(16);
        assertThat(args.killEvery()).isEqualTo(Duration.ofSeconds(30));
        assertThat(args.restartAfter()).isEqualTo(Duration.ofSeconds(10));
        assertThat(args.warmup()).isEqualTo(Duration.ofSeconds(10));
        assertThat(args.proxyJar()).isEqualTo(Path.of("bootstrap/target/bootstrap.jar"));
        assertThat(args.balancer()).isEqualTo("round-robin");
        assertThat(args.help()).isFalse();
    }

    @Test
    void theQuickRunFromTheReadmeParses() throws Exception {
        SoakArgs args = SoakArgs.parse("--duration", "60s", "--kill-every=15s", "--concurrency", "8",
                "--balancer", "least-connections", "--proxy-jar", "/tmp/p.jar", "--restart-after", "500ms");

        assertThat(args.duration()).isEqualTo(Duration.ofSeconds(60));
        assertThat(args.killEvery()).isEqualTo(Duration.ofSeconds(15));
        assertThat(args.concurrency()).isEqualTo(8);
        assertThat(args.balancer()).isEqualTo("least-connections");
        assertThat(args.proxyJar()).isEqualTo(Path.of("/tmp/p.jar"));
        assertThat(args.restartAfter()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void helpWinsOverAnythingElse() throws Exception {
        assertThat(SoakArgs.parse("--duration", "nonsense", "--help").help()).isTrue();
    }

    @Nested
    class Durations {

        @ParameterizedTest
        @CsvSource({"500ms, 500", "45s, 45000", "45, 45000", "10m, 600000", "1h, 3600000", "2M, 120000"})
        void acceptOllaStyleUnits(String text, long millis) throws Exception {
            assertThat(SoakArgs.parseDuration("--duration", text, Duration.ZERO)).isEqualTo(Duration.ofMillis(millis));
        }

        @ParameterizedTest
        @CsvSource({"ten, must be a duration", "-5s, must be a duration", "1m30s, must be a duration",
                "0s, must be at least"})
        void rejectWhatIsNotADurationSayingWhy(String text, String message) {
            assertThatThrownBy(() -> SoakArgs.parse("--duration", text))
                    .isInstanceOf(SoakArgs.UsageException.class).hasMessageContaining("--duration")
                    .hasMessageContaining(message);
        }
    }

    @Nested
    class Mistakes {

        @Test
        void unknownOptionIsNamed() {
            assertThatThrownBy(() -> SoakArgs.parse("--durtion", "1m"))
                    .isInstanceOf(SoakArgs.UsageException.class).hasMessage("unknown option '--durtion'");
        }

        @Test
        void missingValueIsNamed() {
            assertThatThrownBy(() -> SoakArgs.parse("--kill-every", "--duration", "1m"))
                    .isInstanceOf(SoakArgs.UsageException.class).hasMessage("--kill-every needs a value");
        }

        @Test
        void unknownBalancerListsTheChoices() {
            assertThatThrownBy(() -> SoakArgs.parse("--balancer", "priority"))
                    .isInstanceOf(SoakArgs.UsageException.class).hasMessageContaining("round-robin");
        }

        @Test
        void concurrencyMustBePositive() {
            assertThatThrownBy(() -> SoakArgs.parse("--concurrency", "0"))
                    .isInstanceOf(SoakArgs.UsageException.class).hasMessageContaining("--concurrency");
        }

        @Test
        void restartSoLateThatEveryBackendCouldBeDownIsRefused() {
            assertThatThrownBy(() -> SoakArgs.parse("--kill-every", "5s", "--restart-after", "10s"))
                    .isInstanceOf(SoakArgs.UsageException.class).hasMessageContaining("every backend could be down");
        }
    }
}
