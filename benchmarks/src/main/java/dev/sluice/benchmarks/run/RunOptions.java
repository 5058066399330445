package dev.sluice.benchmarks.run;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The runner's command line, parsed.
 *
 * @param extraTargets name to base URL, plus the pids charged to it when given ({@code name=url,pid=1+2})
 */
record RunOptions(boolean quick, Path proxyJar, List<String> engines, List<String> proxyJvmFlags,
                  Map<String, String> variants,
                  Map<String, URI> extraTargets, Map<String, List<Long>> extraPids, String nginx, List<String> scenarios,
                  Duration warmup, Duration measure, Duration jitWarmup, int loadedStreams, boolean pin, int mockPort,
                  boolean histogram) {

    /** What we recommend for the proxy (README, "JVM flags"); {@code --proxy-jvm ""} gives plain java -jar. */
    static final String RECOMMENDED_JVM_FLAGS = "MALLOC_ARENA_MAX=2 -XX:+UseSerialGC -Xms16m -Xmx128m "
            + "-XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -Xss256k -XX:TieredStopAtLevel=1 "
            + "-XX:ReservedCodeCacheSize=32m";

    static final String USAGE = String.join("\n",
            "Usage: java -jar benchmarks/target/benchmarks.jar [run] [options]",
            "       java -jar benchmarks/target/benchmarks.jar mock [--port P --chunks N --chunk-bytes B --chunk-delay-ms D --ttft-ms T]",
            "       java -jar benchmarks/target/benchmarks.jar jmh [JMH options]      (default: -prof gc, every benchmark)",
            "",
            "Runs each scenario against the mock directly, through the proxy with each engine, through nginx (when",
            "installed) and through every --target, and prints one table per scenario.",
            "",
            "  --quick                 short runs (about 3 minutes in all) for a first look",
            "  --proxy-jar PATH        the proxy to test (default bootstrap/target/bootstrap.jar)",
            "  --engines LIST          proxy engines to run, comma-separated (default olla,sherpa)",
            "  --proxy-jvm \"FLAGS\"     JVM flags for the proxy (default: the recommended ones, see README;",
            "                          \"\" for plain java -jar)",
            "  --proxy NAME=ENGINE[@JAR][:FLAGS]  one more proxy target with its own jar and JVM flags (A/B in one run);",
            "                          VAR=VALUE among the flags sets an environment variable. E.g. --proxy plain=olla:",
            "                          (no flags), --proxy c1=olla:-XX:TieredStopAtLevel=1, --proxy before=olla@/tmp/old.jar",
            "  --target NAME=URL[,pid=P[+P...]]  an extra gateway already running in front of the mock (the runner",
            "                          prints the mock's port first; start the mock yourself with --mock-port)",
            "  --nginx PATH | --no-nginx   nginx binary to start as a plain streaming reverse proxy (default: nginx on PATH)",
            "  --scenarios LIST        small,small-open,stream,paced,queue,memory (default: all)",
            "  --warmup SECONDS, --measure SECONDS   per load level (default 2 and 6; quick 1 and 3)",
            "  --jit-warmup SECONDS    traffic through every target before the first table (default 10; quick 4)",
            "  --loaded-streams N      paced streams before the loaded-memory reading (default 10000; quick 2000)",
            "  --mock-port PORT        where the mock listens (default: a free port), for --target gateways",
            "  --heap-histogram        after the loaded-memory run, print each JVM target's largest live classes",
            "  --no-pin                do not pin processes to CPUs with taskset");

    static RunOptions parse(String... args) {
        boolean quick = Arrays.asList(args).contains("--quick");
        Path jar = Path.of("bootstrap/target/bootstrap.jar");
        List<String> engines = List.of("olla", "sherpa");
        List<String> jvm = split(RECOMMENDED_JVM_FLAGS, " ");
        Map<String, URI> targets = new LinkedHashMap<>();
        Map<String, String> variants = new LinkedHashMap<>();
        Map<String, List<Long>> pids = new LinkedHashMap<>();
        String nginx = "nginx";
        List<String> scenarios = List.of("small", "small-open", "stream", "paced", "queue", "memory");
        Duration warmup = Duration.ofSeconds(quick ? 1 : 2);
        Duration measure = Duration.ofSeconds(quick ? 3 : 6);
        int loaded = quick ? 2000 : 10_000;
        boolean pin = true;
        int mockPort = 0;
        boolean histogram = false;
        Duration jit = Duration.ofSeconds(quick ? 4 : 10);
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "run", "--quick" -> { }
                case "--proxy-jar" -> { jar = Path.of(need(args[i], value)); i++; }
                case "--engines" -> { engines = split(need(args[i], value), ","); i++; }
                case "--proxy-jvm" -> { jvm = split(need(args[i], value), " "); i++; }
                case "--target" -> {
                    String spec = need(args[i], value);
                    i++;
                    int eq = spec.indexOf('=');
                    if (eq < 1) {
                        throw new IllegalArgumentException("--target needs NAME=URL, not '" + spec + "'");
                    }
                    String name = spec.substring(0, eq);
                    String[] parts = spec.substring(eq + 1).split(",pid=");
                    targets.put(name, URI.create(parts[0]));
                    pids.put(name, parts.length > 1 ? Arrays.stream(parts[1].split("\\+")).map(Long::parseLong)
                            .toList() : List.of());
                }
                case "--proxy" -> {
                    String spec = need(args[i], value);
                    i++;
                    int eq = spec.indexOf('=');
                    if (eq < 1) {
                        throw new IllegalArgumentException("--proxy needs NAME=ENGINE[:FLAGS], not '" + spec + "'");
                    }
                    variants.put(spec.substring(0, eq), spec.substring(eq + 1));
                }
                case "--nginx" -> { nginx = need(args[i], value); i++; }
                case "--no-nginx" -> nginx = null;
                case "--scenarios" -> { scenarios = split(need(args[i], value), ","); i++; }
                case "--warmup" -> { warmup = Duration.ofMillis((long) (Double.parseDouble(need(args[i], value)) * 1000)); i++; }
                case "--measure" -> { measure = Duration.ofMillis((long) (Double.parseDouble(need(args[i], value)) * 1000)); i++; }
                case "--loaded-streams" -> { loaded = Integer.parseInt(need(args[i], value)); i++; }
                case "--no-pin" -> pin = false;
                case "--heap-histogram" -> histogram = true;
                case "--jit-warmup" -> { jit = Duration.ofMillis((long) (Double.parseDouble(need(args[i], value)) * 1000)); i++; }
                case "--mock-port" -> { mockPort = Integer.parseInt(need(args[i], value)); i++; }
                default -> throw new IllegalArgumentException("unknown option '" + args[i] + "'");
            }
        }
        return new RunOptions(quick, jar, engines, jvm, variants, targets, pids, nginx, scenarios, warmup, measure,
                jit, loaded, pin, mockPort, histogram);
    }

    private static String need(String flag, String value) {
        if (value == null) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return value;
    }

    private static List<String> split(String text, String separator) {
        List<String> parts = new ArrayList<>();
        for (String part : text.split(separator)) {
            if (!part.isBlank()) {
                parts.add(part.trim());
            }
        }
        return List.copyOf(parts);
    }
}
