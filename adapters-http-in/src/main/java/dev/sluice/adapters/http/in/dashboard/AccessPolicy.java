package dev.sluice.adapters.http.in.dashboard;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.jetty.util.InetAddressSet;

/**
 * Olla's dashboard access policy: the TCP peer (never a forwarding header, which a client can write) must be in
 * one of the CIDRs, and the Host header must name an allowed host or be an IP literal. The Host check stops DNS
 * rebinding: a page on evil.example resolving to 127.0.0.1 still sends {@code Host: evil.example}.
 */
final class AccessPolicy {

    private final InetAddressSet cidrs = new InetAddressSet();
    private final Set<String> hosts;

    AccessPolicy(DashboardSettings settings) {
        settings.allowedCidrs().forEach(cidrs::add);
        this.hosts = settings.allowedHosts().stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }

    boolean allows(String peer, String hostHeader) {
        return peerAllowed(peer) && hostAllowed(hostHeader);
    }

    private boolean peerAllowed(String peer) {
        try {
            return cidrs.test(InetAddress.getByName(peer));
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private boolean hostAllowed(String hostHeader) {
        if (hostHeader == null || hostHeader.isBlank()) {
            return false;
        }
        String host = hostHeader.trim().toLowerCase(Locale.ROOT);
        if (host.startsWith("[")) {
            return true; // an IPv6 literal
        }
        int colon = host.lastIndexOf(':');
        if (colon >= 0) {
            host = host.substring(0, colon);
        }
        return hosts.contains(host) || host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }
}
