package dev.sluice.bootstrap;

import dev.sluice.adapters.config.Configuration;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The proxy run inside another JVM program: end-to-end tests, benchmarks, an application that wants its own
 * gateway. Same wiring and lifecycle as {@code java -jar bootstrap.jar}; logging is left as the host configured it.
 */
public final class EmbeddedSluice implements AutoCloseable {

    private final SluiceApp app;

    private EmbeddedSluice(SluiceApp app) {
        this.app = app;
    }

    /**
     * Loads {@code config} (Olla's schema; {@code server.port: 0} picks a free port) and starts serving; returns
     * once the first health check and model discovery are done and the listener accepts connections.
     *
     * @throws dev.sluice.adapters.config.problem.ConfigException when the config is unusable
     */
    public static EmbeddedSluice start(Path config) throws Exception {
        Path dir = config.toAbsolutePath().getParent();
        SluiceApp app = new SluiceApp(Configuration.load(Optional.of(config), Map.of(), dir));
        try {
            app.start();
        } catch (Exception e) {
            app.close();
            throw e;
        }
        return new EmbeddedSluice(app);
    }

    /** The port the proxy listens on. */
    public int port() {
        return app.port();
    }

    /** Stops serving: in-flight requests get {@code server.shutdown_timeout} to finish. */
    @Override
    public void close() {
        app.close();
    }
}
