package dev.sluice.adapters.http.in.proxy;

import java.util.Set;

/** Ollama's calls that change what a backend stores: meaningless across a fleet, so answered 501 by us. */
final class ModelManagement {

    private static final Set<String> PATHS = Set.of("/api/pull", "/api/push", "/api/create", "/api/copy",
            "/api/delete", "/api/blobs");

    private ModelManagement() {
    }

    static boolean is(String path) {
        return PATHS.contains(path) || path.startsWith("/api/blobs/");
    }
}
