package dev.sluice.simulator;

/**
 * The one credential the simulated hosted APIs ({@code openai-api}, {@code anthropic}, {@code gemini},
 * {@code azure-openai}) accept, each in its own header. Anything else, or nothing, gets the provider's own
 * authentication error, so a proxy that drops or mangles the key fails against the simulator as it would
 * against the real service.
 */
public final class HostedApiKey {

    /** Put this in the endpoint's {@code auth} block. */
    public static final String VALUE = "sim-key";

    private HostedApiKey() {
    }

    static boolean matches(String presented) {
        return VALUE.equals(presented);
    }

    /** The start of a wrong key, masked the way OpenAI's error message masks it. */
    static String masked(String presented) {
        String head = presented.length() <= 4 ? presented : presented.substring(0, 4);
        return head + "*".repeat(Math.max(0, Math.min(presented.length(), 10) - head.length()));
    }
}
