package dev.sluice.adapters.config.schema;


/** {@code engineering}. Mirrors the YAML key for key; a missing key takes Olla's default. */
public record EngineeringConfig(
        Boolean showNerdstats) {

    public EngineeringConfig {
        showNerdstats = showNerdstats == null ? false : showNerdstats;
    }
}
