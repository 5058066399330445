package dev.sluice.adapters.http.in;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.sluice.adapters.http.in.server.HttpServer;
import dev.sluice.adapters.http.in.server.HttpServerSettings;
import dev.sluice.adapters.http.in.status.ServerInfo;
import dev.sluice.adapters.http.in.status.StatusRoutes;
import dev.sluice.application.port.in.ListModels;
import dev.sluice.application.port.in.ReportFleetStatus;
import java.time.Clock;
import java.util.Objects;

/**
 * The inbound adapter's entry point: the Jetty server and its routes. Starts nothing; bootstrap starts the
 * {@link HttpServer} once the fleet has been checked.
 */
public final class HttpInModule extends AbstractModule {

    private final HttpServerSettings settings;
    private final ServerInfo info;

    public HttpInModule(HttpServerSettings settings, ServerInfo info) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.info = Objects.requireNonNull(info, "info");
    }

    @Provides
    @Singleton
    StatusRoutes statusRoutes(ReportFleetStatus fleet, ListModels models, Clock clock) {
        return new StatusRoutes(fleet, models, info, JsonMapper.builder().build(), clock);
    }

    @Provides
    @Singleton
    HttpServer httpServer(StatusRoutes routes) {
        return new HttpServer(settings, routes);
    }
}
