package dev.sluice.bootstrap;

/** {@link FailoverAndBalancingSuite} on the {@code olla} engine. */
class OllaFailoverAndBalancingIntegrationTest extends FailoverAndBalancingSuite {

    @Override
    String engine() {
        return "olla";
    }
}
