package dev.sluice.adapters.http.in.proxy;

import java.time.Duration;
import java.util.Objects;

/**
 * What the proxy servlet needs from {@code proxy.*} and {@code server.request_limits}.
 *
 * @param maxBodySize           request bodies larger than this are refused with 413; 0 or less means no cap
 * @param deliveryProfile       {@code auto}, {@code streaming} or {@code standard}
 * @param streamBufferSize      bytes gathered before a write when a response is not streamed
 * @param readTimeout           longest silence between two reads of an upstream response
 * @param responseHeaderTimeout longest wait for an upstream's status and headers (slow model loads)
 * @param connectTimeout        TCP connect timeout to a backend
 * @param sticky                whether {@code proxy.sticky_sessions} is on, with its key sources and prefix length
 * @param bodyReadTimeout       longest a client may take to send its request body ({@code server.read_timeout});
 *                              zero for none
 * @param priorityHeader        request header giving a queued request's priority ({@code proxy.queue.prioritization});
 *                              empty when every request waits in arrival order
 */
public record ProxySettings(String version, long maxBodySize, String deliveryProfile, int streamBufferSize,
                            Duration readTimeout, Duration responseHeaderTimeout, Duration connectTimeout,
                            Duration keepAlive, boolean sticky, java.util.List<String> stickyKeySources,
                            int stickyPrefixBytes, Duration bodyReadTimeout, String priorityHeader,
                            boolean ollamaFrontDoor) {

    public ProxySettings {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(deliveryProfile, "deliveryProfile");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(responseHeaderTimeout, "responseHeaderTimeout");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(keepAlive, "keepAlive");
        Objects.requireNonNull(bodyReadTimeout, "bodyReadTimeout");
        Objects.requireNonNull(priorityHeader, "priorityHeader");
    }
}
