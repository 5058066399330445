package dev.sluice.adapters.config;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.sluice.adapters.config.schema.SluiceConfig;
import dev.sluice.domain.endpoint.Endpoint;
import dev.sluice.domain.model.UnificationRules;
import dev.sluice.domain.profile.ProfileCatalog;
import java.util.List;
import java.util.Objects;

/**
 * The config adapter's entry point: binds what {@link Configuration} read (the raw config, the profiles, the
 * endpoints and the unification rules). Loading happens before the injector exists, because logging and
 * {@code --validate-config} need the config first.
 */
public final class ConfigModule extends AbstractModule {

    private final Configuration configuration;

    public ConfigModule(Configuration configuration) {
        this.configuration = Objects.requireNonNull(configuration, "configuration");
    }

    @Provides
    @Singleton
    Configuration configuration() {
        return configuration;
    }

    @Provides
    @Singleton
    SluiceConfig config() {
        return configuration.config().config();
    }

    @Provides
    @Singleton
    ProfileCatalog profiles() {
        return configuration.profiles().catalog();
    }

    @Provides
    @Singleton
    List<Endpoint> endpoints() {
        return configuration.endpoints();
    }

    @Provides
    @Singleton
    UnificationRules unificationRules() {
        return configuration.rules().rules();
    }
}
