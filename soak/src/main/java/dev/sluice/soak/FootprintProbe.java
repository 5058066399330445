package dev.sluice.soak;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads another JVM's RSS, threads and heap. Linux's {@code /proc/<pid>/status} gives RSS and threads; elsewhere
 * {@code ps} and {@code jcmd Thread.print} stand in. The heap comes from {@code jcmd GC.heap_info} after
 * {@code jcmd GC.run}, so two readings compare live sets rather than wherever the collector happened to be.
 * Anything that cannot be read is left empty, never guessed.
 */
final class FootprintProbe {

    private static final Logger LOG = LoggerFactory.getLogger(FootprintProbe.class);
    private static final Pattern GENERATION = Pattern.compile("total (\\d+)K, used (\\d+)K");
    private static final long COMMAND_TIMEOUT_SECONDS = 30;

    private final Optional<Path> jcmd;

    private FootprintProbe(Optional<Path> jcmd) {
        this.jcmd = jcmd;
    }

    /** Uses the {@code jcmd} next to the running {@code java}; a JRE without one means no heap figures. */
    static FootprintProbe detect() {
        Path candidate = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (Files.isExecutable(candidate)) {
            return new FootprintProbe(Optional.of(candidate));
        }
        LOG.warn("no jcmd at {}: heap figures will be missing", candidate);
        return new FootprintProbe(Optional.empty());
    }

    Footprint read(long pid) {
        OptionalLong rss = OptionalLong.empty();
        OptionalLong threads = OptionalLong.empty();
        Path status = Path.of("/proc", Long.toString(pid), "status");
        if (Files.isReadable(status)) {
            try {
                List<String> lines = Files.readAllLines(status, StandardCharsets.UTF_8);
                rss = procField(lines, "VmRSS:");
                threads = procField(lines, "Threads:");
            } catch (IOException e) {
                LOG.warn("cannot read {}: {}", status, e.getMessage());
            }
        }
        if (rss.isEmpty()) {
            rss = run("ps", "-o", "rss=", "-p", Long.toString(pid)).flatMap(FootprintProbe::firstNumber)
                    .map(OptionalLong::of).orElse(OptionalLong.empty());
        }
        if (threads.isEmpty() && jcmd.isPresent()) {
            threads = run(jcmd.get().toString(), Long.toString(pid), "Thread.print")
                    .map(dump -> OptionalLong.of(dump.lines().filter(l -> l.startsWith("\"")).count()))
                    .orElse(OptionalLong.empty());
        }
        OptionalLong used = OptionalLong.empty();
        OptionalLong committed = OptionalLong.empty();
        if (jcmd.isPresent()) {
            run(jcmd.get().toString(), Long.toString(pid), "GC.run");
            Optional<String> info = run(jcmd.get().toString(), Long.toString(pid), "GC.heap_info");
            Optional<Heap> heap = info.flatMap(FootprintProbe::heap);
            if (heap.isPresent()) {
                committed = OptionalLong.of(heap.get().committedKib());
                used = OptionalLong.of(heap.get().usedKib());
            }
        }
        return new Footprint(rss, threads, used, committed);
    }

    /**
     * Sums {@code total NK, used NK} over the heap's generations (one line for G1, two for Serial and Parallel).
     * Metaspace writes {@code used} before {@code committed} and so is not counted. Empty for collectors with
     * another format (ZGC, Shenandoah).
     */
    static Optional<Heap> heap(String heapInfo) {
        Matcher m = GENERATION.matcher(heapInfo);
        long total = 0;
        long used = 0;
        boolean found = false;
        while (m.find()) {
            total += Long.parseLong(m.group(1));
            used += Long.parseLong(m.group(2));
            found = true;
        }
        return found ? Optional.of(new Heap(total, used)) : Optional.empty();
    }

    /** The heap as {@code GC.heap_info} reports it, in KiB. */
    record Heap(long committedKib, long usedKib) {
    }

    private static OptionalLong procField(List<String> lines, String field) {
        return lines.stream().filter(l -> l.startsWith(field)).findFirst()
                .flatMap(l -> firstNumber(l.substring(field.length())))
                .map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    private static Optional<Long> firstNumber(String text) {
        Matcher m = Pattern.compile("(\\d+)").matcher(text);
        return m.find() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
    }

    /** A command's output, or empty when it cannot run, fails or hangs. */
    private static Optional<String> run(String... command) {
        Path out = null;
        try {
            out = Files.createTempFile("soak-probe-", ".txt");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile())
                    .start();
            if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                LOG.warn("{} did not answer in {} s", String.join(" ", command), COMMAND_TIMEOUT_SECONDS);
                return Optional.empty();
            }
            String text = Files.readString(out, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                LOG.warn("{} failed ({}): {}", String.join(" ", command), process.exitValue(), text.strip());
                return Optional.empty();
            }
            return Optional.of(text);
        } catch (IOException e) {
            LOG.debug("cannot run {}: {}", command[0], e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            if (out != null) {
                try {
                    Files.deleteIfExists(out);
                } catch (IOException e) {
                    LOG.debug("cannot delete {}", out);
                }
            }
        }
    }
}
