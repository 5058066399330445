package dev.sluice.simulator;

import java.util.List;

/**
 * One impersonated server product: its endpoints and the web stack it is built on. A platform holds no
 * mutable state; everything that changes lives in {@link BackendSettings}, so one platform class serves every
 * backend of its kind. Adding a route (say chat streaming) means adding a {@link Route} class and one line in
 * {@link #routes()}.
 */
interface Platform {

    WebStack stack();

    RouteTable routes();

    /** Models served when a test or the CLI names none: names typical of this platform. */
    List<String> defaultModelNames();

    /** The top-level array in this platform's discovery body; a huge-body fault imitates it. */
    default String discoveryListField() {
        return "data";
    }

    /**
     * Lets a platform answer before routing, for behaviour that cuts across all its routes (llama.cpp's CORS
     * preflight and its "Loading model" phase).
     *
     * @return true when the exchange was answered
     */
    default boolean intercept(Exchange exchange) throws Exception {
        return false;
    }
}
