package dev.sluice.simulator;

import java.nio.charset.StandardCharsets;

/**
 * Server-sent event frames as the simulated servers write them: LF line ends only, a blank line after each
 * event. OpenAI-style streams send bare {@code data:} lines; Anthropic-style ones name each event first.
 */
final class Sse {

    static final String DONE = "data: [DONE]\n\n";

    private Sse() {
    }

    static String data(Exchange exchange, Object json) {
        return "data: " + text(exchange, json) + "\n\n";
    }

    static String event(Exchange exchange, String name, Object json) {
        return "event: " + name + "\n" + data(exchange, json);
    }

    private static String text(Exchange exchange, Object json) {
        return new String(exchange.toJsonBytes(json), StandardCharsets.UTF_8);
    }
}
