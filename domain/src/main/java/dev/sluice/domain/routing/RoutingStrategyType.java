package dev.sluice.domain.routing;

import java.util.Locale;

/** {@code model_registry.routing_strategy.type}: how strictly a request's model decides where it may go. */
public enum RoutingStrategyType {
    STRICT,
    OPTIMISTIC,
    DISCOVERY;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RoutingStrategyType parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
}
