package dev.sluice.application.port.in;

import dev.sluice.domain.routing.RouteScope;
import java.util.List;
import java.util.Optional;

/** Maps a route prefix ({@code ollama}, {@code openai}, {@code proxy} ...) to the platforms it spans. */
public interface ResolveRoute {

    Optional<RouteScope> scope(String prefix);

    /** Every route, sorted by prefix, for the startup table. */
    List<RouteScope> scopes();
}
