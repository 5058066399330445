package dev.sluice.adapters.http.in.models;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Olla's conditional GET for status pages: a weak ETag over the fields that mean something changed (status,
 * counts, models), ignoring clocks (timestamps, "3s ago"), so a dashboard polling every second gets a bare 304
 * until the fleet really changes.
 */
final class WeakETag {

    private static final Set<String> VOLATILE = Set.of("timestamp", "health_check", "health_check_at", "last_check",
            "next_check", "next_check_at", "response_time", "last_model_sync", "last_model_sync_at", "uptime",
            "last_seen", "last_seen_at", "created", "last_updated", "modified_at");
    private static final int MAX_HEADER = 1024;

    private WeakETag() {
    }

    static String of(JsonNode body) {
        long[] hash = {0xcbf29ce484222325L};
        feed(body, hash);
        return "W/\"" + Long.toUnsignedString(hash[0], 36) + "\"";
    }

    /** Weak comparison against an If-None-Match header, {@code *} included; oversized headers never match. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.length() > MAX_HEADER) {
            return false;
        }
        String opaque = strip(etag);
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.trim();
            if (c.equals("*") || strip(c).equals(opaque)) {
                return true;
            }
        }
        return false;
    }

    private static String strip(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }

    private static void feed(JsonNode node, long[] hash) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (!VOLATILE.contains(field.getKey())) {
                    mix(field.getKey(), hash);
                    feed(field.getValue(), hash);
                }
            }
        } else if (node.isArray()) {
            mix("[" + node.size(), hash);
            node.forEach(child -> feed(child, hash));
        } else {
            mix(node.asText(), hash);
        }
    }

    // FNV-1a 64 over the UTF-16 units: stable across runs, cheap, no allocation per byte.
    private static void mix(String text, long[] hash) {
        long h = hash[0];
        for (int i = 0; i < text.length(); i++) {
            h ^= text.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= 0xff;
        h *= 0x100000001b3L;
        hash[0] = h;
    }
}
