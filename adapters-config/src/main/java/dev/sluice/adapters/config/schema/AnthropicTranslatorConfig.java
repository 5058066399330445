package dev.sluice.adapters.config.schema;


/** {@code translators.anthropic}. Mirrors the YAML key for key; a missing key takes Olla's default. */
public record AnthropicTranslatorConfig(
        Boolean enabled,
        Boolean passthroughEnabled,
        @ByteSize Long maxMessageSize,
        InspectorConfig inspector) {

    public AnthropicTranslatorConfig {
        enabled = enabled == null ? true : enabled;
        passthroughEnabled = passthroughEnabled == null ? true : passthroughEnabled;
        maxMessageSize = maxMessageSize == null ? 10_485_760L : maxMessageSize;
        inspector = inspector == null ? new InspectorConfig(null, null, null) : inspector;
    }
}
