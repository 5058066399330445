package dev.sluice.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.sluice.adapters.config.schema.SluiceConfig;
import dev.sluice.application.catalog.DiscoverySettings;
import dev.sluice.application.catalog.ModelDiscoveryService;
import dev.sluice.application.catalog.ModelRegistry;
import dev.sluice.application.fleet.Fleet;
import dev.sluice.application.fleet.FleetStatus;
import dev.sluice.application.fleet.HealthMonitor;
import dev.sluice.application.port.in.ListModels;
import dev.sluice.application.port.in.ReportFleetStatus;
import dev.sluice.application.port.out.HealthProbe;
import dev.sluice.application.port.out.ModelDiscovery;
import dev.sluice.domain.endpoint.Endpoint;
import dev.sluice.domain.endpoint.HealthPolicy;
import dev.sluice.domain.model.ModelUnifier;
import dev.sluice.domain.model.UnificationRules;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/** Builds the use cases with plain {@code new}: domain and application carry no injection annotations. */
final class ApplicationModule extends AbstractModule {

    @Provides
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Provides
    @Singleton
    ScheduledExecutorService scheduler() {
        // Probes and discovery are asynchronous; these threads only start them, so two are plenty.
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(2, runnable -> {
            Thread t = Executors.defaultThreadFactory().newThread(runnable);
            t.setName("sluice-scheduler-" + t.getId());
            t.setDaemon(true);
            return t;
        });
        scheduler.setRemoveOnCancelPolicy(true);
        return scheduler;
    }

    @Provides
    @Singleton
    Fleet fleet(List<Endpoint> endpoints, Clock clock) {
        return new Fleet(endpoints, clock.instant());
    }

    @Provides
    @Singleton
    ReportFleetStatus fleetStatus(Fleet fleet) {
        return new FleetStatus(fleet);
    }

    @Provides
    @Singleton
    ModelRegistry modelRegistry(UnificationRules rules, SluiceConfig config, Clock clock) {
        // enable_unifier: false keeps the rules from merging anything but identical names.
        UnificationRules effective = config.modelRegistry().enableUnifier() ? rules : UnificationRules.NONE;
        return new ModelRegistry(new ModelUnifier(effective), clock);
    }

    @Provides
    @Singleton
    ListModels listModels(ModelRegistry registry) {
        return registry;
    }

    @Provides
    @Singleton
    ModelDiscoveryService discoveryService(Fleet fleet, ModelDiscovery discovery, ModelRegistry registry,
                                           ScheduledExecutorService scheduler, Clock clock, SluiceConfig config) {
        var md = config.discovery().modelDiscovery();
        var unification = config.modelRegistry().unification();
        return new ModelDiscoveryService(fleet, discovery, registry, scheduler, clock,
                new DiscoverySettings(md.enabled(), md.interval(), md.concurrentWorkers(), md.retryAttempts(),
                        md.retryBackoff(), unification.staleThreshold(), unification.cleanupInterval()));
    }

    @Provides
    @Singleton
    HealthMonitor healthMonitor(Fleet fleet, HealthProbe probe, ScheduledExecutorService scheduler, Clock clock,
                                ModelDiscoveryService discovery) {
        return new HealthMonitor(fleet, probe, HealthPolicy.standard(), scheduler, clock, discovery::onTransition);
    }
}
