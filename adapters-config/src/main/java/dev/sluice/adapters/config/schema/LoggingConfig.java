package dev.sluice.adapters.config.schema;


/** {@code logging}. Mirrors the YAML key for key; a missing key takes Olla's default. */
public record LoggingConfig(
        String level,
        String format,
        String output) {

    public LoggingConfig {
        level = level == null ? "info" : level;
        format = format == null ? "json" : format;
        output = output == null ? "stdout" : output;
    }
}
