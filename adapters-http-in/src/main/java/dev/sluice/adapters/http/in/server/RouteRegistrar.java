package dev.sluice.adapters.http.in.server;

import java.util.List;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;

/** A group of routes: registers its servlets on the server's context and describes them for the startup table. */
public interface RouteRegistrar {

    /** One row of the startup route table. */
    record Route(String path, String method, String description) {
    }

    void register(ServletContextHandler context);

    List<Route> routes();
}
