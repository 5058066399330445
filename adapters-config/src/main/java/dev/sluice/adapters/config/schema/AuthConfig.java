package dev.sluice.adapters.config.schema;

/**
 * An endpoint's {@code auth}: credentials we add to every request we send it. Each secret may be inline (with
 * {@code ${VAR}} expansion) or read from a file, not both.
 *
 * @param type   {@code bearer}, {@code api_key} or {@code basic}
 * @param header the header an {@code api_key} goes in; {@code X-Api-Key} when absent
 */
public record AuthConfig(
        String type,
        String token,
        String tokenFile,
        String key,
        String keyFile,
        String header,
        String username,
        String usernameFile,
        String password,
        String passwordFile) {
}
