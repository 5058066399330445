package dev.sluice.simulator;

/** {@link ChatFault#DROP_MID_STREAM}: the platform's answer, cut mid-chunk by a closed connection. */
final class DropMidStreamRoute implements Route {

    private final Route chat;

    DropMidStreamRoute(Route chat) {
        this.chat = chat;
    }

    @Override
    public void handle(Exchange exchange) throws Exception {
        StreamCutter.run(chat, exchange, StreamCutter.Ending.ABORT);
    }
}
