package dev.sluice.domain.routing;

import java.util.Objects;

/**
 * What ties a request to earlier ones so it goes to the same backend (whose KV cache already holds the
 * conversation): a hashed key and where it came from.
 *
 * @param source {@code session_header}, {@code prefix_hash}, {@code auth_header} or {@code ip}
 * @param key    the hashed key; never a raw credential
 */
public record StickyKey(String source, String key) {

    public StickyKey {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(key, "key");
    }
}
