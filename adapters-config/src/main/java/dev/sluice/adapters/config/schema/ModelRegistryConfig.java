package dev.sluice.adapters.config.schema;


/** {@code model_registry}. Mirrors the YAML key for key; a missing key takes Olla's default. */
public record ModelRegistryConfig(
        String type,
        Boolean enableUnifier,
        UnificationConfig unification,
        RoutingStrategyConfig routingStrategy) {

    public ModelRegistryConfig {
        type = type == null ? "memory" : type;
        enableUnifier = enableUnifier == null ? true : enableUnifier;
        unification = unification == null ? new UnificationConfig(null, null) : unification;
        routingStrategy = routingStrategy == null ? new RoutingStrategyConfig(null, null) : routingStrategy;
    }
}
