package dev.sluice.simulator;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/**
 * {@code java -jar simulator.jar --kind ollama}: one simulated backend in the foreground until Ctrl-C
 * ({@code java -jar simulator.jar bedrock ...}: a simulated Bedrock, see {@link BedrockSimulatorMain}).
 * Exit codes: 0 after help or a clean stop, 1 when the port cannot be bound, 2 for bad arguments.
 */
public final class SimulatorMain {

    static {
        // Our own logback file rather than logback.xml: this jar is also a test dependency of other modules, and
        // a logback.xml here would fight theirs. Set before any logger exists; a user's choice still wins.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "simulator-logback.xml");
        }
    }

    private SimulatorMain() {
    }

    public static void main(String[] args) throws Exception {
        // "bedrock" first: the simulated Bedrock, which is no platform kind (SigV4, AWS event streams).
        int code = args.length > 0 && args[0].equals("bedrock")
                ? BedrockSimulatorMain.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.out, System.err)
                : run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Runs the CLI; returns at once for help and errors, otherwise blocks until the JVM is asked to stop. */
    static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
        SimulatorArgs parsed;
        try {
            parsed = SimulatorArgs.parse(args);
        } catch (SimulatorArgs.UsageException e) {
            err.println("simulator: " + e.getMessage());
            err.println();
            err.println(SimulatorArgs.USAGE);
            return 2;
        }
        if (parsed.help()) {
            out.println(SimulatorArgs.USAGE);
            return 0;
        }
        SimulatedBackend backend = build(parsed);
        try {
            backend.start();
        } catch (IllegalStateException e) {
            err.println("simulator: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        // Ctrl-C runs shutdown hooks: stop the server there so open connections close before the JVM exits.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            backend.stop();
            stopped.countDown();
        }, "simulator-shutdown"));
        BackendKind kind = parsed.kind();
        out.printf("Simulated %s backend '%s' on %s%n", kind.cliName(), backend.name(), backend.baseUri());
        out.printf("  health:    GET %s%n  discovery: GET %s%n  models:    %s%nPress Ctrl-C to stop.%n",
                kind.healthPath(), kind.discoveryPath(), String.join(", ", modelNames(backend)));
        stopped.await();
        return 0;
    }

    private static SimulatedBackend build(SimulatorArgs parsed) {
        SimulatedBackend.Builder builder = SimulatedBackend.builder(parsed.kind()).port(parsed.port());
        if (!parsed.models().isEmpty()) {
            builder.models(parsed.models().toArray(String[]::new));
        }
        if (parsed.name() != null) {
            builder.name(parsed.name());
        }
        SimulatedBackend backend = builder.build();
        backend.setChatScript(parsed.chat());
        return backend;
    }

    private static List<String> modelNames(SimulatedBackend backend) {
        return backend.models().stream().map(SimulatedModel::name).collect(Collectors.toList());
    }
}
