package dev.sluice.simulator;

/**
 * {@link ChatFault#TRUNCATED_SSE}: the platform's answer, ending cleanly in the middle of an event. HTTP says
 * nothing went wrong; only a client that parses the stream can tell.
 */
final class TruncatedStreamRoute implements Route {

    private final Route chat;

    TruncatedStreamRoute(Route chat) {
        this.chat = chat;
    }

    @Override
    public void handle(Exchange exchange) throws Exception {
        StreamCutter.run(chat, exchange, StreamCutter.Ending.CLEAN);
    }
}
