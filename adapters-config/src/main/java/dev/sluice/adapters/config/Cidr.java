package dev.sluice.adapters.config;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Checks CIDR notation without resolving names: only literal addresses are accepted. */
final class Cidr {

    private Cidr() {
    }

    static boolean isValid(String cidr) {
        int slash = cidr.indexOf('/');
        if (slash < 0) {
            return false;
        }
        String address = cidr.substring(0, slash);
        if (!address.matches("[0-9a-fA-F:.]+")) {
            return false;
        }
        try {
            int bits = Integer.parseInt(cidr.substring(slash + 1));
            int max = InetAddress.getByName(address).getAddress().length * 8;
            return bits >= 0 && bits <= max;
        } catch (NumberFormatException | UnknownHostException e) {
            return false;
        }
    }
}
