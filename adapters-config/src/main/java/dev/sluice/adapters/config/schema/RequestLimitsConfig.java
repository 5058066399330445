package dev.sluice.adapters.config.schema;


/** {@code server.request_limits}; sizes accept {@code 100MB} style (binary units). Mirrors the YAML key for key; a missing key takes Olla's default. */
public record RequestLimitsConfig(
        @ByteSize Long maxBodySize,
        @ByteSize Long maxHeaderSize) {

    public RequestLimitsConfig {
        maxBodySize = maxBodySize == null ? 104_857_600L : maxBodySize;
        maxHeaderSize = maxHeaderSize == null ? 1_048_576L : maxHeaderSize;
    }
}
