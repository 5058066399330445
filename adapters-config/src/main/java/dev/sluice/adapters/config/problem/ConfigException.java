package dev.sluice.adapters.config.problem;

/**
 * The configuration cannot be used. The message is one line meant for the operator: it names the file, the key
 * and what to write instead.
 */
public final class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
