package dev.sluice.simulator;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulated LLM backend on loopback that answers health and discovery exactly like the platform of its
 * {@link BackendKind}. Tests start one on port 0, point the proxy at {@link #baseUri()}, and steer it (models,
 * health, faults) while it runs; every setter takes effect for the next request.
 *
 * <p>Thread-safe. Lifecycle methods are synchronised; settings are swapped atomically, so requests in flight
 * keep the snapshot they started with.
 */
public final class SimulatedBackend implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatedBackend.class);

    private final BackendKind kind;
    private final String name;
    private final ServerContext context;
    private final AtomicReference<BackendSettings> settings;
    private final RequestLog log = new RequestLog();
    private int port;
    private ListeningServer server;

    private SimulatedBackend(Builder builder) {
        this.kind = builder.kind;
        this.name = builder.name == null ? builder.kind.cliName() : builder.name;
        Platform platform = builder.kind.newPlatform();
        this.context = new ServerContext(builder.kind, platform, WireJson.newMapper(), builder.clock);
        List<SimulatedModel> models = builder.models != null ? builder.models
                : platform.defaultModelNames().stream().map(SimulatedModel::named).collect(Collectors.toList());
        this.settings = new AtomicReference<>(BackendSettings.initial(models));
        this.port = builder.port;
    }

    public static Builder builder(BackendKind kind) {
        return new Builder(kind);
    }

    /**
     * Binds 127.0.0.1 and starts answering. Once a port has been bound the backend keeps it, so a later start
     * (or {@link #restart()}) comes back where the proxy expects it. Starting a running backend does nothing.
     *
     * @throws IllegalStateException when the port is taken
     */
    public synchronized SimulatedBackend start() {
        if (server == null) {
            SimulatorHandler handler = new SimulatorHandler(context, settings::get, log);
            server = ListeningServer.start(name, port, handler, context.platform().stack().sendsDateHeader());
            port = server.port();
            LOG.info("simulated {} backend '{}' listening on {}", kind.cliName(), name, baseUri());
        }
        return this;
    }

    /** Closes the listener and all connections; the port is free when this returns. Stopping twice is fine. */
    public synchronized void stop() {
        if (server != null) {
            ListeningServer stopping = server;
            server = null;
            stopping.stop();
            LOG.info("simulated {} backend '{}' stopped", kind.cliName(), name);
        }
    }

    /** Stops, then starts again on the same port: an outage and a recovery, as a proxy would see them. */
    public synchronized void restart() {
        stop();
        start();
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** The bound port, or the requested one before the first start. */
    public synchronized int port() {
        if (port == 0) {
            throw new IllegalStateException("backend '" + name + "' asked for an ephemeral port and has not started");
        }
        return port;
    }

    public URI baseUri() {
        return URI.create("http://" + ListeningServer.HOST + ":" + port());
    }

    public BackendKind kind() {
        return kind;
    }

    public String name() {
        return name;
    }

    public List<SimulatedModel> models() {
        return settings.get().models();
    }

    public void setModels(List<SimulatedModel> models) {
        update(current -> current.withModels(models));
    }

    /**
     * The health path answers with this status (default 200) and the stack's error body; discovery and chat still
     * work, which is the "passes inference, fails health checks" backend.
     */
    public void setHealthStatus(int status) {
        update(current -> current.withHealthStatus(status));
    }

    public void setFault(Fault fault) {
        update(current -> current.withFault(fault));
    }

    /** How long the health path waits under {@link Fault#SLOW_HEALTH}; 10 seconds unless set. */
    public void setHealthDelay(Duration delay) {
        update(current -> current.withHealthDelay(delay));
    }

    /**
     * llama.cpp only: while loading, every route answers 503 {@code "Loading model"}, as llama-server does
     * before its model is in memory. Other kinds have no such phase and ignore this.
     */
    public void setLoading(boolean loading) {
        update(current -> current.withLoading(loading));
    }

    /**
     * How generating routes (chat, completions, Anthropic messages) misbehave from the next request on; health,
     * discovery and other routes are unaffected. {@link ChatFault#NONE} restores normal answers.
     */
    public void setChatFault(ChatFault fault) {
        requireNonNull(fault, "fault");
        update(current -> current.withChatFault(fault));
    }

    /**
     * The next {@code count} generating requests answer {@code status} in the platform's error shape, then normal
     * service (or the {@linkplain #setChatFault chat fault}) resumes. A positive {@code retryAfter} adds a
     * {@code Retry-After} header in whole seconds, rounded up, as rate limiters send with 429. A new burst replaces
     * what is left of the previous one; a count of 0 cancels it.
     */
    public void setChatErrorBurst(int status, int count, Duration retryAfter) {
        ErrorBurst burst = new ErrorBurst(status, count, requireNonNull(retryAfter, "retryAfter"));
        update(current -> current.withErrorBurst(burst));
    }

    /** Chunk count and pacing of simulated completions. */
    public void setChatScript(ChatScript script) {
        update(current -> current.withChatScript(script));
    }

    /** Requests that hit this exact path (no query string), since creation and across restarts. */
    public long requestCount(String path) {
        return log.count(path);
    }

    /** Every request in arrival order (the most recent 10,000), with lower-cased header names. */
    public List<RecordedRequest> requests() {
        return log.snapshot();
    }

    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return "SimulatedBackend[" + kind.cliName() + " '" + name + "' port " + port + "]";
    }

    private void update(UnaryOperator<BackendSettings> change) {
        settings.updateAndGet(change);
    }

    /** Configures a backend; nothing binds until {@link SimulatedBackend#start()}. */
    public static final class Builder {
        private final BackendKind kind;
        private List<SimulatedModel> models;
        private int port;
        private String name;
        private Clock clock = Clock.systemUTC();

        private Builder(BackendKind kind) {
            this.kind = requireNonNull(kind, "kind");
        }

        /** The models discovery returns; without this call the platform's typical models are served. */
        public Builder models(List<SimulatedModel> newModels) {
            this.models = List.copyOf(requireNonNull(newModels, "models"));
            return this;
        }

        /** Shorthand for models named this way, other facts derived by {@link SimulatedModel#named}. */
        public Builder models(String... names) {
            return models(Arrays.stream(names).map(SimulatedModel::named).collect(Collectors.toList()));
        }

        /** 0 (the default) picks a free ephemeral port at first start. */
        public Builder port(int newPort) {
            if (newPort < 0 || newPort > 65_535) {
                throw new IllegalArgumentException("port must be 0..65535 but was " + newPort);
            }
            this.port = newPort;
            return this;
        }

        /** A label for logs and thread names; defaults to the kind's CLI name. */
        public Builder name(String newName) {
            this.name = requireNonNull(newName, "name");
            return this;
        }

        /** The clock behind {@code created} and timestamp fields; tests pin it for byte-stable bodies. */
        public Builder clock(Clock newClock) {
            this.clock = requireNonNull(newClock, "clock");
            return this;
        }

        public SimulatedBackend build() {
            return new SimulatedBackend(this);
        }

        /** {@code build().start()}. */
        public SimulatedBackend start() {
            return build().start();
        }
    }
}
