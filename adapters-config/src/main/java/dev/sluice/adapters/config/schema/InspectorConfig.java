package dev.sluice.adapters.config.schema;


/** {@code translators.anthropic.inspector}. Mirrors the YAML key for key; a missing key takes Olla's default. */
public record InspectorConfig(
        Boolean enabled,
        String outputDir,
        String sessionHeader) {

    public InspectorConfig {
        enabled = enabled == null ? false : enabled;
        outputDir = outputDir == null ? "logs/inspector/anthropic" : outputDir;
        sessionHeader = sessionHeader == null ? "X-Session-ID" : sessionHeader;
    }
}
