package dev.sluice.bootstrap;

import dev.sluice.adapters.config.problem.ConfigException;
import dev.sluice.adapters.config.Configuration;
import dev.sluice.adapters.http.in.server.PortInUseException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point. Exit codes: 0 normal stop or valid config, 1 unusable config or failed start (port in use),
 * 2 bad command line.
 */
public final class Main {

    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    public static void main(String[] args) {
        int code = run(args, System.getenv(), Path.of("").toAbsolutePath(), System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    static int run(String[] args, Map<String, String> env, Path workingDir, PrintStream out, PrintStream err) {
        Cli cli;
        try {
            cli = Cli.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("sluice: " + e.getMessage());
            return 2;
        }
        if (cli.help()) {
            out.println(Cli.USAGE);
            return 0;
        }
        if (cli.version()) {
            out.println("sluice " + BuildInfo.version() + " (commit " + BuildInfo.commit() + ", Java "
                    + System.getProperty("java.version") + ")");
            return 0;
        }
        Configuration configuration;
        try {
            configuration = Configuration.load(cli.config(), env, workingDir);
        } catch (ConfigException e) {
            err.println("sluice: configuration error:");
            e.getMessage().lines().forEach(line -> err.println("  " + line));
            return 1;
        }
        if (cli.validateOnly()) {
            out.println("configuration is valid: " + configuration.config().sourceName() + " ("
                    + configuration.endpoints().size() + " endpoint(s), "
                    + configuration.profiles().catalog().all().size() + " profile(s), model rules: "
                    + configuration.rules().source() + ")");
            configuration.config().deprecationNotes().forEach(n -> out.println("note: " + n));
            configuration.profiles().warnings().forEach(w -> out.println("warning: " + w));
            return 0;
        }
        LoggingSetup.apply(configuration.config().config().logging(), env, System.console() != null);
        return serve(configuration, err);
    }

    private static int serve(Configuration configuration, PrintStream err) {
        StartupReport.configuration(configuration);
        SluiceApp app = new SluiceApp(configuration);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            LOG.info("shutting down");
            app.close();
            if (configuration.config().config().engineering().showNerdstats()) {
                NerdStats.log();
            }
            stopped.countDown();
        }, "sluice-shutdown");
        try {
            app.start();
        } catch (PortInUseException e) {
            err.println("sluice: " + e.getMessage());
            app.close();
            return 1;
        } catch (Exception e) {
            LOG.error("startup failed", e);
            app.close();
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(hook);
        ShutdownSignals.install();
        StartupReport.routes(app.routes());
        var server = configuration.config().config().server();
        LOG.info("Sluice {} ready in {} ms on http://{}:{}/ (status: /internal/status/endpoints)", BuildInfo.version(),
                app.uptime().toMillis(), server.host(), app.port());
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
