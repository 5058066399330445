package dev.sluice.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The command line as an operator uses it: exit codes and what is printed. */
@Timeout(30)
class MainTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, Map.of(), dir, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpPrintsUsageAndExitsZero() {
        assertThat(run("--help")).isZero();
        assertThat(stdout()).contains("--validate-config").contains("-c, --config FILE");
    }

    @Test
    void versionPrintsAndExitsZero() {
        assertThat(run("--version")).isZero();
        assertThat(stdout()).startsWith("sluice ");
    }

    @Test
    void anUnknownOptionExitsTwo() {
        assertThat(run("--frobnicate")).isEqualTo(2);
        assertThat(stderr()).contains("unknown option '--frobnicate'");
    }

    @Test
    void validateConfigAcceptsAGoodFile() throws IOException {
        Path config = dir.resolve("good.yaml");
        Files.writeString(config, "server:\n  port: 40200\n");
        assertThat(run("--validate-config", "-c", config.toString())).isZero();
        assertThat(stdout()).contains("configuration is valid").contains("good.yaml");
    }

    @Test
    void validateConfigRejectsAMisspeltKeyNamingIt() throws IOException {
        Path config = dir.resolve("bad.yaml");
        Files.writeString(config, "proxy:\n  load_balancr: priority\n");
        assertThat(run("--validate-config", "--config", config.toString())).isEqualTo(1);
        assertThat(stderr()).contains("bad.yaml:2").contains("unknown key 'proxy.load_balancr'")
                .contains("did you mean 'load_balancer'?");
    }

    @Test
    void validateConfigAcceptsOllasShippedConfig() {
        Path olla = Path.of("..", "..", "shared", "olla-config", "config.yaml").toAbsolutePath().normalize();
        assumeTrue(Files.isRegularFile(olla), "skipped: " + olla + " not present (no ../shared beside this clone)");
        assertThat(run("--validate-config", "-c", olla.toString())).as(stderr()).isZero();
    }

    @Test
    void aTakenPortFailsStartupWithOneClearLine() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            Path config = dir.resolve("port.yaml");
            Files.writeString(config, "server:\n  host: 127.0.0.1\n  port: " + taken.getLocalPort() + "\n"
                    + "discovery:\n  static:\n    endpoints:\n      - url: http://127.0.0.1:9\n        type: ollama\n"
                    + "        check_interval: 1s\n        check_timeout: 200ms\n");
            assertThat(run("-c", config.toString())).isEqualTo(1);
            assertThat(stderr()).contains("port is in use").contains(String.valueOf(taken.getLocalPort()));
        }
    }
}
