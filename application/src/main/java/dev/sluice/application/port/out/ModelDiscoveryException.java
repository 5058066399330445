package dev.sluice.application.port.out;

/** Discovery failed for a reason worth one warning line: the message says what the endpoint did wrong. */
public class ModelDiscoveryException extends RuntimeException {

    public ModelDiscoveryException(String message) {
        super(message);
    }

    public ModelDiscoveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
