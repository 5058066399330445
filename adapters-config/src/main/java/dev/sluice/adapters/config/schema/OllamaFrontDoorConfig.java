package dev.sluice.adapters.config.schema;

/**
 * {@code server.ollama_front_door} (ours; Olla has no such key): the Ollama API at the server root onto every
 * model of every backend. On by default: Olla serves nothing at {@code /} or {@code /api/}, so no Olla setup
 * changes meaning, and an Ollama-only tool finds every model without further configuration.
 */
public record OllamaFrontDoorConfig(Boolean enabled) {

    public OllamaFrontDoorConfig {
        enabled = enabled == null ? true : enabled;
    }
}
