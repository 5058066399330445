package dev.sluice.bootstrap;

/** {@link AnthropicSuite} on the {@code olla} engine. */
class OllaAnthropicIntegrationTest extends AnthropicSuite {

    @Override
    String engine() {
        return "olla";
    }
}
