package dev.sluice.bootstrap;

/** {@link AnthropicSuite} on the {@code sherpa} engine. */
class SherpaAnthropicIntegrationTest extends AnthropicSuite {

    @Override
    String engine() {
        return "sherpa";
    }
}
