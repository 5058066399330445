package dev.sluice.bootstrap;

/** {@link ProxySuite} on the {@code sherpa} engine. */
class SherpaProxyIntegrationTest extends ProxySuite {

    @Override
    String engine() {
        return "sherpa";
    }
}
