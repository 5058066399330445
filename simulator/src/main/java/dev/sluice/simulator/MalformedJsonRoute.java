package dev.sluice.simulator;

/**
 * {@link ChatFault#MALFORMED_JSON}: 200, the stack's JSON content type, and a body that starts like a completion
 * and stops being JSON, as a backend with a corrupting middlebox or a half-flushed buffer sends. A proxy relays it;
 * it must not try to repair it, nor choke on it.
 */
final class MalformedJsonRoute implements Route {

    static final MalformedJsonRoute INSTANCE = new MalformedJsonRoute();

    /** Unterminated string and object, then bytes no parser accepts. */
    static final String BODY = "{\"model\":\"simulated\",\"message\":{\"role\":\"assistant\",\"content\":\"The quick"
            + " <<not json>> \u0000\u0001}}]";

    private MalformedJsonRoute() {
    }

    @Override
    public void handle(Exchange exchange) {
        exchange.text(200, exchange.stack().jsonContentType(), BODY);
    }
}
