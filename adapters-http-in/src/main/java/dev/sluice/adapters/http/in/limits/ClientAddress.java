package dev.sluice.adapters.http.in.limits;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.InetAddressSet;

/**
 * Who is asking: the TCP peer, unless {@code trust_proxy_headers} is on and the peer is one of
 * {@code trusted_proxy_cidrs}; then the first {@code X-Forwarded-For} entry, else {@code X-Real-IP}. A client
 * cannot dodge its limit by sending a forwarding header of its own.
 */
public final class ClientAddress {

    private final boolean trustHeaders;
    private final InetAddressSet trusted = new InetAddressSet();

    public ClientAddress(boolean trustHeaders, List<String> trustedCidrs) {
        this.trustHeaders = trustHeaders;
        trustedCidrs.forEach(trusted::add);
    }

    public String of(Request request) {
        String peer = Request.getRemoteAddr(request);
        if (!trustHeaders || !isTrusted(peer)) {
            return peer;
        }
        String forwarded = request.getHeaders().get("X-Forwarded-For");
        if (forwarded != null && !forwarded.isBlank()) {
            return forwarded.split(",", 2)[0].trim();
        }
        String realIp = request.getHeaders().get("X-Real-IP");
        return realIp == null || realIp.isBlank() ? peer : realIp.trim();
    }

    private boolean isTrusted(String peer) {
        try {
            return trusted.test(InetAddress.getByName(peer));
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
