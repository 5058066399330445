package dev.sluice.benchmarks.run;

import dev.sluice.benchmarks.load.Load;
import dev.sluice.benchmarks.load.LoadGenerator;
import dev.sluice.benchmarks.load.LoadResult;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The whole benchmark: starts the mock and the systems under test as separate processes, runs every scenario
 * against every target back to back (so drift on a shared machine hits all targets alike), prints the tables.
 */
public final class BenchmarkRun {

    private final RunOptions options;
    private final PrintStream out;
    private final CpuPinning pinning;
    private final List<ChildProcess> children = new ArrayList<>();
    private final List<Target> targets = new ArrayList<>();
    private final Map<String, String> memory = new LinkedHashMap<>();
    private Path scratch;
    private int mockPort;

    private BenchmarkRun(RunOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
        this.pinning = CpuPinning.detect(options.pin());
    }

    public static int main(String[] args, PrintStream out, PrintStream err) throws Exception {
        RunOptions options;
        try {
            options = RunOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("benchmarks: " + e.getMessage());
            err.println(RunOptions.USAGE);
            return 2;
        }
        if (!Files.isRegularFile(options.proxyJar()) && !options.engines().isEmpty()) {
            err.println("benchmarks: no proxy jar at " + options.proxyJar().toAbsolutePath()
                    + ": build it first (mvn -q -B package -DskipTests) or give --proxy-jar");
            return 2;
        }
        BenchmarkRun run = new BenchmarkRun(options, out);
        // Ctrl-C or SIGTERM must not leave a proxy, nginx or the mock behind.
        Runtime.getRuntime().addShutdownHook(new Thread(run::stopAll, "benchmarks-stop"));
        try {
            run.execute();
        } finally {
            run.stopAll();
        }
        return 0;
    }

    private void execute() throws Exception {
        scratch = Files.createTempDirectory("sluice-bench-");
        out.println("Sluice benchmark, " + Instant.now() + (options.quick() ? " (quick)" : ""));
        out.println("  machine: " + pinning.cpus() + " CPU(s), Java "
                + System.getProperty("java.version") + "; " + pinning.describe());
        out.println("  proxy JVM flags: " + (options.proxyJvmFlags().isEmpty() ? "(none: plain java -jar)"
                : String.join(" ", options.proxyJvmFlags())));
        out.println("  per level: " + options.warmup().toMillis() / 1000.0 + " s warm-up, "
                + options.measure().toMillis() / 1000.0 + " s measured; logs in " + scratch);
        pinning.pinSelf();
        startMock();
        startTargets();
        try (LoadGenerator load = new LoadGenerator()) {
            jitWarmup(load);
            Report report = new Report(out);
            for (Scenario scenario : scenarios()) {
                report.table(scenario, runScenario(load, scenario));
            }
            if (options.scenarios().contains("queue") && !options.engines().isEmpty()) {
                new QueueScenario(out, options, load, this::startQueuedProxy, targets.get(0)).run();
            }
            if (options.scenarios().contains("memory")) {
                loadedMemory(load);
            }
            report.memory(memory);
        }
    }

    private List<Scenario> scenarios() {
        List<Scenario> list = new ArrayList<>();
        for (String name : options.scenarios()) {
            switch (name) {
                case "small" -> list.add(Scenario.small());
                case "small-open" -> list.add(Scenario.smallOpen(500));
                case "stream" -> list.add(Scenario.stream());
                case "paced" -> list.add(Scenario.paced(List.of(64, 256)));
                case "memory", "queue" -> { }
                default -> throw new IllegalArgumentException("unknown scenario '" + name + "'");
            }
        }
        return list;
    }

    private void startMock() throws Exception {
        mockPort = options.mockPort() > 0 ? options.mockPort() : freePort();
        List<String> command = new ArrayList<>(pinning.forLoadSide());
        command.addAll(List.of(java(), "-XX:+UseParallelGC", "-Xmx512m", "-cp", ownJar(),
                "dev.sluice.benchmarks.mock.MockBackendMain", "--port", Integer.toString(mockPort)));
        ChildProcess mock = ChildProcess.start("mock", command, scratch.resolve("mock.log"));
        children.add(mock);
        mock.awaitReady(URI.create("http://127.0.0.1:" + mockPort + "/"), Duration.ofSeconds(30));
        out.println("  mock backend: http://127.0.0.1:" + mockPort + "/ (pid " + mock.pid() + ")");
        targets.add(new Target(Target.DIRECT, URI.create("http://127.0.0.1:" + mockPort), List::of, false));
    }

    private void startTargets() throws Exception {
        for (String engine : options.engines()) {
            startProxy("proxy-" + engine, engine, options.proxyJar(), options.proxyJvmFlags());
        }
        for (Map.Entry<String, String> variant : options.variants().entrySet()) {
            // ENGINE[@JAR][:FLAGS]: another jar compares a change side by side; VAR=VALUE tokens set environment.
            String spec = variant.getValue();
            int colon = spec.indexOf(':');
            String head = colon < 0 ? spec : spec.substring(0, colon);
            int at = head.indexOf('@');
            String engine = at < 0 ? head : head.substring(0, at);
            Path jar = at < 0 ? options.proxyJar() : Path.of(head.substring(at + 1));
            List<String> flags = colon < 0 ? options.proxyJvmFlags()
                    : java.util.Arrays.stream(spec.substring(colon + 1).split(" ")).filter(f -> !f.isBlank()).toList();
            startProxy(variant.getKey(), engine, jar, flags);
        }
        if (options.nginx() != null) {
            startNginx();
        }
        options.extraTargets().forEach((name, uri) -> {
            List<Long> pids = options.extraPids().get(name);
            targets.add(new Target(name, uri, () -> pids, false));
            out.println("  " + name + ": " + uri + (pids.isEmpty() ? " (no pid: no CPU or RSS figures)" : " (pids " + pids + ")"));
        });
    }

    // The queue scenario's own proxy: the first engine, its endpoint limited to maxConcurrent requests at once.
    private Target startQueuedProxy(int maxConcurrent) throws Exception {
        String engine = options.engines().get(0);
        return startProxy("queue-" + engine, engine, options.proxyJar(), options.proxyJvmFlags(), maxConcurrent, false);
    }

    private void startProxy(String name, String engine, Path jar, List<String> jvmAndEnv) throws Exception {
        targets.add(startProxy(name, engine, jar, jvmAndEnv, 0, true));
    }

    private Target startProxy(String name, String engine, Path jar, List<String> jvmAndEnv, int maxConcurrent,
                              boolean reportMemory) throws Exception {
        Map<String, String> env = new LinkedHashMap<>();
        List<String> flags = new ArrayList<>();
        for (String token : jvmAndEnv) {
            if (!token.startsWith("-") && token.contains("=")) {
                env.put(token.substring(0, token.indexOf('=')), token.substring(token.indexOf('=') + 1));
            } else {
                flags.add(token);
            }
        }
        int port = freePort();
        Path config = scratch.resolve(name + ".yaml");
        Files.writeString(config, ProxyConfig.yaml(port, engine, mockPort, maxConcurrent));
        List<String> command = new ArrayList<>(pinning.forSystemUnderTest());
        command.add(java());
        command.addAll(flags);
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString(), "-c", config.toString()));
        ChildProcess proxy = ChildProcess.start(name, command, scratch.resolve(name + ".log"), env);
        children.add(proxy);
        Duration ready = proxy.awaitReady(URI.create("http://127.0.0.1:" + port + "/internal/health"),
                Duration.ofSeconds(60));
        long pid = proxy.pid();
        OptionalLong rss = ProcStat.rssKib(List.of(pid));
        OptionalLong heap = HeapProbe.usedAfterGcKib(pid);
        if (reportMemory) {
            memory.put(name, String.format("start-up to ready %d ms; idle: RSS %s, heap %s", ready.toMillis(),
                    mib(rss), mib(heap)));
        }
        out.println("  " + name + ": http://127.0.0.1:" + port + "/olla/ollama (pid " + pid + ", ready in "
                + ready.toMillis() + " ms; JVM flags: " + (flags.isEmpty() ? "none" : String.join(" ", flags))
                + (env.isEmpty() ? "" : "; environment " + env) + ")");
        return new Target(name, URI.create("http://127.0.0.1:" + port + "/olla/ollama"), () -> List.of(pid), true);
    }

    private void startNginx() throws Exception {
        int port = freePort();
        ChildProcess nginx;
        try {
            nginx = NginxProcess.start(options.nginx(), port, mockPort, scratch, pinning.forSystemUnderTest());
        } catch (IOException e) {
            out.println("  nginx: not started (" + e.getMessage() + "); install it or pass --no-nginx");
            return;
        }
        children.add(nginx);
        Duration ready;
        try {
            ready = nginx.awaitReady(URI.create("http://127.0.0.1:" + port + "/"), Duration.ofSeconds(20));
        } catch (IllegalStateException e) {
            out.println("  nginx: did not come up: " + e.getMessage());
            return;
        }
        long master = nginx.pid();
        memory.put("nginx", String.format("start-up to ready %d ms; idle: RSS %s", ready.toMillis(),
                mib(ProcStat.rssKib(NginxProcess.pids(master)))));
        out.println("  nginx: http://127.0.0.1:" + port + "/ (pids " + NginxProcess.pids(master) + ")");
        targets.add(new Target("nginx", URI.create("http://127.0.0.1:" + port), () -> NginxProcess.pids(master), false));
    }

    // JIT: the first few thousand requests through a JVM run interpreted; every target gets the same warm-up.
    private void jitWarmup(LoadGenerator load) throws InterruptedException {
        for (Target target : targets) {
            load.run(Load.closed(target.chat(), Scenario.WHOLE_BODY, Map.of(), 16, options.jitWarmup().dividedBy(2)));
            load.run(Load.closed(target.chat(), Scenario.STREAM_BODY, Scenario.script(200, 0), 16,
                    options.jitWarmup().dividedBy(2)));
        }
    }

    private List<Measurement> runScenario(LoadGenerator load, Scenario scenario) throws InterruptedException {
        List<Measurement> rows = new ArrayList<>();
        for (Scenario.Level level : scenario.levels()) {
            for (Target target : targets) {
                load.run(level.load(target.chat(), scenario.body(), scenario.headers(), options.warmup()));
                rows.add(measure(load, target, level.label(),
                        level.load(target.chat(), scenario.body(), scenario.headers(), options.measure())));
            }
        }
        return rows;
    }

    private Measurement measure(LoadGenerator load, Target target, String level, Load spec) throws InterruptedException {
        List<Long> pids = target.pids().get();
        OptionalLong cpuBefore = pids.isEmpty() ? OptionalLong.empty() : ProcStat.cpuNanos(pids);
        try (RssSampler rss = RssSampler.start(target.pids())) {
            LoadResult result = load.run(spec);
            OptionalLong cpuAfter = pids.isEmpty() ? OptionalLong.empty() : ProcStat.cpuNanos(pids);
            OptionalLong cpu = cpuBefore.isPresent() && cpuAfter.isPresent()
                    ? OptionalLong.of(cpuAfter.getAsLong() - cpuBefore.getAsLong()) : OptionalLong.empty();
            return new Measurement(target.name(), level, result, cpu, rss.peakKib());
        }
    }

    // The memory targets: RSS while 256 paced streams run, and heap once they are done.
    private void loadedMemory(LoadGenerator load) throws InterruptedException {
        for (Target target : targets) {
            if (!target.measurable()) {
                continue;
            }
            Load spec = Load.closed(target.chat(), Scenario.STREAM_BODY, Scenario.script(50, 10), 256,
                    Duration.ofMinutes(10)).withMaxRequests(options.loadedStreams());
            LoadResult result;
            OptionalLong peak;
            try (RssSampler rss = RssSampler.start(target.pids())) {
                result = load.run(spec);
                peak = rss.peakKib();
            }
            List<Long> pids = target.pids().get();
            String heap = target.jvm() ? ", heap after GC " + mib(HeapProbe.usedAfterGcKib(pids.get(0))) : "";
            if (target.jvm() && options.histogram()) {
                out.println("  " + target.name() + " live heap after the loaded run:\n" + HeapProbe.histogram(pids.get(0), 15));
            }
            memory.merge(target.name(), String.format("after %d paced streams at c=256 (%d errors): RSS peak %s, "
                            + "RSS now %s%s, threads %s", result.ok(), result.errorCount(), mib(peak),
                    mib(ProcStat.rssKib(pids)), heap, ProcStat.threads(pids).orElse(-1)), (a, b) -> a + "\n  " + " ".repeat(14) + " " + b);
        }
    }

    private static String mib(OptionalLong kib) {
        return kib.isPresent() ? String.format("%.1f MiB", kib.getAsLong() / 1024.0) : "n/a";
    }

    private synchronized void stopAll() {
        for (int i = children.size() - 1; i >= 0; i--) {
            children.get(i).close();
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String ownJar() throws Exception {
        return Path.of(BenchmarkRun.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
