package dev.sluice.adapters.config.schema;


/** {@code model_registry.routing_strategy}. Mirrors the YAML key for key; a missing key takes Olla's default. */
public record RoutingStrategyConfig(
        String type,
        RoutingOptionsConfig options) {

    public RoutingStrategyConfig {
        type = type == null ? "strict" : type;
        options = options == null ? new RoutingOptionsConfig(null, null, null) : options;
    }
}
