package dev.sluice.bootstrap;

/** {@link ProxySuite} on the {@code olla} engine. */
class OllaProxyIntegrationTest extends ProxySuite {

    @Override
    String engine() {
        return "olla";
    }
}
