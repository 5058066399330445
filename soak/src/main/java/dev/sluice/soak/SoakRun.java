package dev.sluice.soak;

import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar soak/target/soak.jar}: the proxy under mixed load for a while, backends dying and coming back,
 * then one summary. Exit codes: 0 no request with a healthy candidate failed (and leases drained, endpoints
 * recovered), 1 otherwise or when the soak could not run, 2 bad arguments.
 */
public final class SoakRun {

    static {
        // Our own logback file: simulator.jar's classes are shaded in and bring theirs. Set before any logger exists.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "soak-logback.xml");
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(SoakRun.class);

    private SoakRun() {
    }

    public static void main(String[] args) {
        // Always exit explicitly: client and simulator threads must not keep a finished soak alive.
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        SoakArgs parsed;
        try {
            parsed = SoakArgs.parse(args);
        } catch (SoakArgs.UsageException e) {
            err.println("soak: " + e.getMessage());
            err.println();
            err.println(SoakArgs.USAGE);
            return 2;
        }
        if (parsed.help()) {
            out.println(SoakArgs.USAGE);
            return 0;
        }
        if (!Files.isRegularFile(parsed.proxyJar())) {
            err.println("soak: no proxy jar at " + parsed.proxyJar().toAbsolutePath()
                    + "; build it with: mvn -q -B package -DskipTests (or pass --proxy-jar)");
            return 1;
        }
        Soak soak = new Soak(parsed, Clock.systemDefaultZone());
        CountDownLatch finished = new CountDownLatch(1);
        // Ctrl-C: let the run wrap up and print its summary, then make sure the child process and backends go.
        Thread hook = new Thread(() -> {
            soak.requestStop();
            try {
                finished.await(90, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            soak.close();
        }, "soak-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            SoakReport report = soak.run();
            out.print(SummaryTable.render(report));
            out.flush();
            return report.passed() ? 0 : 1;
        } catch (Exception e) {
            LOG.error("soak could not run", e);
            err.println("soak: " + e.getMessage());
            return 1;
        } finally {
            soak.close();
            finished.countDown();
        }
    }
}
