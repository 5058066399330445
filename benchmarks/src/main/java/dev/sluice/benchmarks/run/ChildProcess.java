package dev.sluice.benchmarks.run;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A process this runner started (mock, proxy, nginx), its output in a log file, stopped with SIGTERM (then SIGKILL)
 * when the run ends.
 */
final class ChildProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path log;
    private final long startedNanos;

    private ChildProcess(String name, Process process, Path log, long startedNanos) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.startedNanos = startedNanos;
    }

    static ChildProcess start(String name, List<String> command, Path log) throws IOException {
        return start(name, command, log, java.util.Map.of());
    }

    static ChildProcess start(String name, List<String> command, Path log, java.util.Map<String, String> env)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        // OLLA_* variables override the proxy's config file; the benchmark's config must be what runs.
        builder.environment().keySet().removeIf(variable -> variable.startsWith("OLLA_"));
        builder.environment().putAll(env);
        long started = System.nanoTime();
        return new ChildProcess(name, builder.start(), log, started);
    }

    long pid() {
        return process.pid();
    }

    /**
     * Polls {@code probe} until it answers 200; returns the time from this process's start to that answer.
     *
     * @throws IllegalStateException when the process dies or is not ready within {@code limit}
     */
    Duration awaitReady(URI probe, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + tail());
            }
            if (answers200(probe)) {
                return Duration.ofNanos(System.nanoTime() - startedNanos);
            }
            TimeUnit.MILLISECONDS.sleep(10);
        }
        throw new IllegalStateException(name + " not ready within " + limit.toSeconds() + " s:\n" + tail());
    }

    private static boolean answers200(URI probe) {
        try {
            HttpURLConnection connection = (HttpURLConnection) probe.toURL().openConnection();
            connection.setConnectTimeout(200);
            connection.setReadTimeout(1000);
            int status = connection.getResponseCode();
            try (InputStream body = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
                if (body != null) {
                    body.readAllBytes();
                }
            }
            return status == 200;
        } catch (IOException e) {
            return false;
        }
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }

    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
