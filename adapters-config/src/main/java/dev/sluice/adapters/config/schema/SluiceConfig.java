package dev.sluice.adapters.config.schema;


/** The whole config.yaml, Olla's schema. Mirrors the YAML key for key; a missing key takes Olla's default. */
public record SluiceConfig(
        ServerConfig server,
        ProxyConfig proxy,
        DiscoveryConfig discovery,
        ModelRegistryConfig modelRegistry,
        java.util.Map<String, java.util.List<String>> modelAliases,
        TranslatorsConfig translators,
        LoggingConfig logging,
        EngineeringConfig engineering,
        DashboardConfig dashboard) {

    public SluiceConfig {
        server = server == null ? new ServerConfig(null, null, null, null, null, null, null, null, null, null, null, null) : server;
        proxy = proxy == null ? new ProxyConfig(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null) : proxy;
        discovery = discovery == null ? new DiscoveryConfig(null, null, null, null, null) : discovery;
        modelRegistry = modelRegistry == null ? new ModelRegistryConfig(null, null, null, null) : modelRegistry;
        modelAliases = modelAliases == null ? java.util.Map.of() : modelAliases;
        translators = translators == null ? new TranslatorsConfig(null) : translators;
        logging = logging == null ? new LoggingConfig(null, null, null) : logging;
        engineering = engineering == null ? new EngineeringConfig(null) : engineering;
        dashboard = dashboard == null ? new DashboardConfig(null, null, null) : dashboard;
    }
}
