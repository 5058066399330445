package dev.sluice.simulator;

/**
 * {@link ChatFault#STALL_BEFORE_HEADERS}: takes the exchange and never completes it. No thread waits: the
 * connection simply stays open with nothing written until the client closes it or the backend stops (which
 * closes every connection).
 */
final class StallBeforeHeadersRoute implements Route {

    static final StallBeforeHeadersRoute INSTANCE = new StallBeforeHeadersRoute();

    private StallBeforeHeadersRoute() {
    }

    @Override
    public void handle(Exchange exchange) {
        // Deliberately nothing: the callback stays pending, which is exactly a server stuck before it answers.
    }
}
