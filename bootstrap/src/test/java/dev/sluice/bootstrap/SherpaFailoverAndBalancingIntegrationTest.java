package dev.sluice.bootstrap;

/** {@link FailoverAndBalancingSuite} on the {@code sherpa} engine. */
class SherpaFailoverAndBalancingIntegrationTest extends FailoverAndBalancingSuite {

    @Override
    String engine() {
        return "sherpa";
    }
}
