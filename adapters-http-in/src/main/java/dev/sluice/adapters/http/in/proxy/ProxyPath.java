package dev.sluice.adapters.http.in.proxy;

import java.util.Locale;
import java.util.Optional;

/**
 * {@code /olla/<prefix>/<rest>} split into its prefix and the path forwarded upstream. Refuses traversal: a
 * {@code ..} segment, raw or percent-encoded, never reaches a backend.
 *
 * @param prefix   lower-cased route prefix
 * @param path     the upstream path, starting with '/', still percent-encoded as the client sent it
 * @param query    the raw query string, if any
 */
record ProxyPath(String prefix, String path, Optional<String> query) {

    static final String ROOT = "/olla/";

    /** Empty when the URI is not under {@code /olla/<prefix>/}. */
    static Optional<ProxyPath> parse(String rawUri, String rawQuery) {
        if (!rawUri.startsWith(ROOT)) {
            return Optional.empty();
        }
        String rest = rawUri.substring(ROOT.length());
        int slash = rest.indexOf('/');
        String prefix = (slash < 0 ? rest : rest.substring(0, slash)).toLowerCase(Locale.ROOT);
        if (prefix.isEmpty()) {
            return Optional.empty();
        }
        String path = slash < 0 ? "/" : rest.substring(slash);
        return Optional.of(new ProxyPath(prefix, path, Optional.ofNullable(rawQuery)));
    }

    /** Whether the path tries to climb out of the backend's root. */
    boolean traverses() {
        String decoded = path.toLowerCase(Locale.ROOT).replace("%2e", ".").replace("%2f", "/").replace("%5c", "/")
                .replace('\\', '/');
        for (String segment : decoded.split("/")) {
            if (segment.equals("..")) {
                return true;
            }
        }
        return false;
    }
}
