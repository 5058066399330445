package dev.sluice.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SimulatorArgsTest {

    @Test
    void parsesEveryOption() throws Exception {
        SimulatorArgs args = SimulatorArgs.parse("--kind", "ollama", "--port", "11434",
                "--models", "llama3.2:3b, qwen2.5-coder:7b", "--name", "foo");

        assertThat(args.kind()).isEqualTo(BackendKind.OLLAMA);
        assertThat(args.port()).isEqualTo(11434);
        assertThat(args.models()).containsExactly("llama3.2:3b", "qwen2.5-coder:7b");
        assertThat(args.name()).isEqualTo("foo");
        assertThat(args.chat()).isEqualTo(ChatScript.defaults());
        assertThat(args.help()).isFalse();
    }

    @Test
    void acceptsEqualsFormAndDefaultsThePortToThePlatforms() throws Exception {
        SimulatorArgs args = SimulatorArgs.parse("--kind=dmr");

        assertThat(args.kind()).isEqualTo(BackendKind.DOCKER_MODEL_RUNNER);
        assertThat(args.port()).isEqualTo(12434);
        assertThat(args.models()).isEmpty();
        assertThat(args.name()).isNull();
    }

    @Test
    void parsesChatPacing() throws Exception {
        SimulatorArgs args = SimulatorArgs.parse("--kind", "vllm", "--chunks", "12", "--chunk-delay-ms=250");

        assertThat(args.chat()).isEqualTo(new ChatScript(12, java.time.Duration.ofMillis(250)));
    }

    @Test
    void helpWinsWhereverItAppears() throws Exception {
        assertThat(SimulatorArgs.parse("--help").help()).isTrue();
        assertThat(SimulatorArgs.parse("--kind", "nonsense", "-h").help()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--port 80                   | --kind is required",
        "--kind                      | --kind needs a value",
        "--kind olama                | unknown kind 'olama'",
        "--kind ollama --port x      | --port must be a number from 0 to 65535, not 'x'",
        "--kind ollama --port 70000  | --port must be a number",
        "--kind ollama --models ,    | --models needs at least one model name",
        "--kind ollama --verbose     | unknown option '--verbose'",
        "--kind --port 1             | --kind needs a value",
        "--kind vllm --chunks 0      | --chunks must be a number from 1 to 100000, not '0'",
        "--kind vllm --chunk-delay-ms -5 | --chunk-delay-ms must be a number from 0",
    })
    void rejectsBadArgumentsWithAMessageForHumans(String line, String message) {
        assertThatThrownBy(() -> SimulatorArgs.parse(line.trim().split("\\s+")))
                .isInstanceOf(SimulatorArgs.UsageException.class)
                .hasMessageContaining(message);
    }

    @Test
    void mainPrintsUsageOnHelpAndExitsZero() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = SimulatorMain.run(new String[] {"--help"}, print(out), print(err));

        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage:").contains("--kind KIND");
        assertThat(err.size()).isZero();
    }

    @Test
    void mainRejectsBadArgumentsWithExitCode2() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = SimulatorMain.run(new String[] {"--kind", "olama"}, print(out), print(err));

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("simulator: unknown kind 'olama'")
                .contains("Usage:");
        assertThat(out.size()).isZero();
    }

    @Test
    void mainReportsATakenPortWithExitCode1() throws Exception {
        try (SimulatedBackend taken = SimulatedBackend.builder(BackendKind.OLLAMA).start()) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();

            int code = SimulatorMain.run(new String[] {"--kind", "ollama", "--port", String.valueOf(taken.port())},
                    print(new ByteArrayOutputStream()), print(err));

            assertThat(code).isEqualTo(1);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot listen on 127.0.0.1:" + taken.port());
        }
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
