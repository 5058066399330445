package dev.sluice.adapters.http.in.proxy;

import dev.sluice.domain.routing.StickyKey;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Derives a request's sticky key from the first of {@code proxy.sticky_sessions.key_sources} that applies, as
 * Olla does: an explicit session header, the start of the conversation (so follow-up turns land where the KV cache
 * is warm), the caller's credential, or its IP. Everything is hashed (FNV-1a 64): no credential is kept.
 */
final class StickyKeys {

    static final String SESSION_HEADER = "X-Olla-Session-ID";

    private final boolean enabled;
    private final List<String> sources;
    private final int prefixBytes;

    StickyKeys(boolean enabled, List<String> sources, int prefixBytes) {
        this.enabled = enabled;
        this.sources = List.copyOf(sources);
        this.prefixBytes = prefixBytes;
    }

    Optional<StickyKey> keyFor(HttpServletRequest request, RequestBody body) {
        if (!enabled) {
            return Optional.empty();
        }
        String model = body.model().orElse("").toLowerCase(Locale.ROOT);
        for (String source : sources) {
            Optional<String> key = switch (source) {
                case "session_header" -> Optional.ofNullable(request.getHeader(SESSION_HEADER)).filter(h -> !h.isBlank())
                        .map(h -> hash(h.getBytes(StandardCharsets.UTF_8), 0, h.length()) + ":" + model);
                case "prefix_hash" -> body.conversationStart() < 0 ? Optional.empty()
                        : Optional.of(model + ":" + hash(body.bytes(), body.conversationStart(),
                                Math.min(prefixBytes, body.bytes().length - body.conversationStart())));
                case "auth_header" -> Optional.ofNullable(request.getHeader("Authorization")).filter(h -> !h.isBlank())
                        .map(h -> hash(h.getBytes(StandardCharsets.UTF_8), 0, h.getBytes(StandardCharsets.UTF_8).length));
                case "ip" -> Optional.ofNullable(request.getRemoteAddr());
                default -> Optional.empty();
            };
            if (key.isPresent()) {
                return Optional.of(new StickyKey(source, key.get()));
            }
        }
        return Optional.empty();
    }

    static String hash(byte[] bytes, int offset, int length) {
        long h = 0xcbf29ce484222325L;
        for (int i = offset; i < offset + length; i++) {
            h ^= bytes[i] & 0xff;
            h *= 0x100000001b3L;
        }
        return Long.toHexString(h);
    }
}
