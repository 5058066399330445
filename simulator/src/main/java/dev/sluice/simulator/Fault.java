package dev.sluice.simulator;

/**
 * Misbehaviour a backend can be told to show, so tests can prove the proxy survives what real networks do:
 * a captive portal answering instead of the backend, a truncated deploy, an overloaded box.
 * Discovery faults act only on the kind's discovery path; everything else keeps answering normally.
 */
public enum Fault {
    /** Answer faithfully. */
    NONE,
    /** Discovery answers 200, claims JSON, and sends bytes no JSON parser accepts. */
    GARBAGE_DISCOVERY,
    /** Discovery answers 200 with an HTML page, as a login portal or a misrouted reverse proxy would. */
    HTML_DISCOVERY,
    /** Discovery answers 404 in the platform's own error style, as after an upgrade that moved the route. */
    NOT_FOUND_DISCOVERY,
    /** Discovery streams a valid-looking list of about 50 MB, to prove the proxy caps what it buffers. */
    HUGE_DISCOVERY,
    /** The health path answers only after {@link SimulatedBackend#setHealthDelay}, to exercise probe timeouts. */
    SLOW_HEALTH;

    boolean affectsDiscovery() {
        return this == GARBAGE_DISCOVERY || this == HTML_DISCOVERY || this == NOT_FOUND_DISCOVERY
                || this == HUGE_DISCOVERY;
    }
}
