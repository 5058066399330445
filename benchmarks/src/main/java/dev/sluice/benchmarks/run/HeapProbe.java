package dev.sluice.benchmarks.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JVM's used heap after a full collection, read with {@code jcmd GC.run} then {@code GC.heap_info}, so two
 * readings compare live sets rather than wherever the collector happened to be. Sums the {@code used NK} of every
 * generation (G1 prints one line, Serial and Parallel two). Empty when jcmd is missing or answers otherwise.
 */
final class HeapProbe {

    private static final Pattern GENERATION = Pattern.compile("total (\\d+)K, used (\\d+)K");

    private HeapProbe() {
    }

    static OptionalLong usedAfterGcKib(long pid) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        run(jcmd.toString(), Long.toString(pid), "GC.run");
        String info = run(jcmd.toString(), Long.toString(pid), "GC.heap_info");
        Matcher m = GENERATION.matcher(info);
        long used = 0;
        boolean found = false;
        while (m.find()) {
            used += Long.parseLong(m.group(2));
            found = true;
        }
        return found ? OptionalLong.of(used) : OptionalLong.empty();
    }

    /** The top of a class histogram of live objects ({@code jcmd GC.class_histogram}): what the heap holds. */
    static String histogram(long pid, int lines) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        return String.join("\n", run(jcmd.toString(), Long.toString(pid), "GC.class_histogram").lines()
                .skip(1).limit(lines + 2).toList());
    }

    private static String run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] out = process.getInputStream().readAllBytes();
            process.waitFor(30, TimeUnit.SECONDS);
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
