package dev.sluice.adapters.config.schema;


/** {@code translators}. Mirrors the YAML key for key; a missing key takes Olla's default. */
public record TranslatorsConfig(
        AnthropicTranslatorConfig anthropic) {

    public TranslatorsConfig {
        anthropic = anthropic == null ? new AnthropicTranslatorConfig(null, null, null, null) : anthropic;
    }
}
