package dev.sluice.simulator;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A platform's endpoints, matched by exact method and path as the real servers do (none of the simulated
 * discovery or health routes take path parameters). Knowing the paths apart from the methods lets a platform
 * answer a wrong method the way its web framework would.
 */
final class RouteTable {

    private final Map<String, Route> routes;
    private final Set<String> paths;

    private RouteTable(Map<String, Route> routes, Set<String> paths) {
        this.routes = Map.copyOf(routes);
        this.paths = Set.copyOf(paths);
    }

    static Builder builder() {
        return new Builder();
    }

    Optional<Route> find(String method, String path) {
        return Optional.ofNullable(routes.get(key(method, path)));
    }

    boolean knowsPath(String path) {
        return paths.contains(path);
    }

    private static String key(String method, String path) {
        return method + ' ' + path;
    }

    static final class Builder {
        private final Map<String, Route> routes = new HashMap<>();
        private final Set<String> paths = new HashSet<>();

        Builder get(String path, Route route) {
            return add("GET", path, route);
        }

        Builder post(String path, Route route) {
            return add("POST", path, route);
        }

        /** Fails on duplicates: two routes for one endpoint is always a platform-table typo. */
        Builder add(String method, String path, Route route) {
            requireNonNull(route, "route");
            if (routes.putIfAbsent(key(method, path), route) != null) {
                throw new IllegalStateException("route registered twice: " + key(method, path));
            }
            paths.add(path);
            return this;
        }

        RouteTable build() {
            return new RouteTable(routes, paths);
        }
    }
}
