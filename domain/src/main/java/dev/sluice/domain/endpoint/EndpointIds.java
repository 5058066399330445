package dev.sluice.domain.endpoint;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Olla's endpoint ids: FNV-1a 32-bit of the sanitised URL, in base 36. Kept identical so that ids in status JSON
 * and dashboards stay stable when a user swaps Olla for us.
 */
public final class EndpointIds {

    private EndpointIds() {
    }

    public static String of(URI url) {
        return Long.toString(fnv1a32(sanitise(url).toString()), 36);
    }

    /** The URL without userinfo, query or fragment: safe to show in status pages and logs. */
    public static URI sanitise(URI url) {
        try {
            return new URI(url.getScheme(), null, url.getHost(), url.getPort(), url.getPath(), null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot sanitise URL " + url.getHost(), e);
        }
    }

    static long fnv1a32(String text) {
        long hash = 0x811c9dc5L;
        for (byte b : text.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            hash ^= (b & 0xff);
            hash = (hash * 0x01000193L) & 0xffffffffL;
        }
        return hash;
    }
}
