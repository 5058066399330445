package dev.sluice.soak;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The proxy jar in a child JVM, so its memory and threads can be read from outside and nothing of the soak's own
 * load shows up in them. Output goes to a log file the summary scans afterwards.
 */
final class ProxyProcess implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProxyProcess.class);

    private final Process process;
    private final Path log;

    private ProxyProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts {@code java -jar jar -c config} with the same Java as the soak. */
    static ProxyProcess start(Path jar, Path config, Path log) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-jar", jar.toAbsolutePath().toString(),
                "-c", config.toAbsolutePath().toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // OLLA_* variables override the config file; the soak's own config must be what runs.
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("OLLA_"));
        Process process = builder.start();
        LOG.info("proxy started as pid {} (log: {})", process.pid(), log);
        return new ProxyProcess(process, log);
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    Path log() {
        return log;
    }

    /** The last lines of the proxy's output, for an error message when it did not come up. */
    String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    /** SIGTERM (the proxy shuts down gracefully), then SIGKILL if it is still there after 20 s. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                LOG.warn("proxy pid {} ignored SIGTERM for 20 s; killing it", process.pid());
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "ProxyProcess[pid " + process.pid() + ", log " + requireNonNull(log) + "]";
    }
}
