package dev.sluice.adapters.http.in.proxy;

import dev.sluice.domain.endpoint.Endpoint;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Set;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.http.HttpField;

/**
 * Which headers cross the proxy, each way. Client credentials never reach a backend (its credentials come from
 * the endpoint's {@code auth}/{@code headers}); a backend's credentials, cookies and {@code X-Olla-*} never reach
 * the client.
 */
final class ProxyHeaders {

    // api-key (Azure) and x-goog-api-key (Gemini) are hosted APIs' key headers: a client's must never reach them.
    private static final Set<String> CLIENT_CREDENTIALS = Set.of("authorization", "proxy-authorization", "cookie",
            "x-api-key", "x-auth-token", "api-key", "x-goog-api-key");
    private static final Set<String> FROM_BACKEND_DROPPED = Set.of("authorization", "proxy-authorization",
            "x-api-key", "x-auth-token", "api-key", "x-goog-api-key", "set-cookie", "server", "date");

    private final String via;

    ProxyHeaders(String version) {
        this.via = "1.1 sluice/" + version;
    }

    /** Whether a client request header is forwarded upstream. */
    static boolean forwardsToBackend(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return !CLIENT_CREDENTIALS.contains(lower) && !lower.startsWith("x-forwarded-") && !lower.equals("x-real-ip")
                && !lower.equals("host") && !lower.equals("content-length") && !lower.equals("transfer-encoding")
                && !lower.equals("expect");
    }

    /** Adds forwarding information and the endpoint's own credentials and headers. */
    void decorate(HttpServletRequest clientRequest, Request proxyRequest, Endpoint endpoint, String requestId) {
        String peer = clientRequest.getRemoteAddr();
        String chain = clientRequest.getHeader("X-Forwarded-For");
        proxyRequest.headers(h -> {
            h.put("X-Forwarded-For", chain == null || chain.isBlank() ? peer : chain + ", " + peer);
            h.put("X-Forwarded-Proto", clientRequest.getScheme());
            String host = clientRequest.getHeader("Host");
            if (host != null) {
                h.put("X-Forwarded-Host", host);
            }
            String realIp = clientRequest.getHeader("X-Real-IP");
            h.put("X-Real-IP", realIp == null || realIp.isBlank() ? peer : realIp);
            String existingVia = clientRequest.getHeader("Via");
            h.put("Via", existingVia == null ? via : existingVia + ", " + via);
            h.put("X-Olla-Request-ID", requestId);
            endpoint.outboundHeaders().forEach(h::put);
        });
    }

    /** Null when a backend's response header must not reach the client. */
    static HttpField filterFromBackend(HttpField field, Endpoint endpoint) {
        String lower = field.getLowerCaseName();
        if (lower.startsWith("x-olla-") || FROM_BACKEND_DROPPED.contains(lower)) {
            return null;
        }
        boolean ours = endpoint.credentialHeaderNames().stream().anyMatch(n -> n.equalsIgnoreCase(lower));
        return ours ? null : field;
    }
}
