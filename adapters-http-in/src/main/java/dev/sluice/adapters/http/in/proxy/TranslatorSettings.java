package dev.sluice.adapters.http.in.proxy;

import java.nio.file.Path;
import java.util.Objects;

/**
 * {@code translators.anthropic}: whether {@code /olla/anthropic/} exists, whether it may pass requests through to
 * platforms that speak Anthropic natively, how large a request may be, and the inspector that captures traffic.
 *
 * @param maxMessageSize    request bodies larger than this are refused with 413 in Anthropic's envelope
 * @param inspectorEnabled  whether every request and answer is written under {@code inspectorDir}
 * @param sessionHeader     the request header that groups captures into one directory per session
 */
public record TranslatorSettings(boolean enabled, boolean passthroughEnabled, long maxMessageSize,
                                 boolean inspectorEnabled, Path inspectorDir, String sessionHeader) {

    public TranslatorSettings {
        Objects.requireNonNull(inspectorDir, "inspectorDir");
        Objects.requireNonNull(sessionHeader, "sessionHeader");
    }

    /** Olla's defaults: on, passthrough allowed, 10 MiB, inspector off. */
    public static TranslatorSettings defaults() {
        return new TranslatorSettings(true, true, 10_485_760L, false, Path.of("logs/inspector/anthropic"),
                "X-Session-ID");
    }
}
