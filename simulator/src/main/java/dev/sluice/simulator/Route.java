package dev.sluice.simulator;

/**
 * One endpoint of one platform. A route owns the exchange from the moment it is called: it must complete the
 * exchange's callback exactly once, now or later, which is what lets streaming routes write chunk by chunk
 * from a scheduler thread instead of holding a server thread.
 */
@FunctionalInterface
interface Route {

    void handle(Exchange exchange) throws Exception;
}
