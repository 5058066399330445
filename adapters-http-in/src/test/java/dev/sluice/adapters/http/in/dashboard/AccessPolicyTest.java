package dev.sluice.adapters.http.in.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AccessPolicyTest {

    private final AccessPolicy olla = new AccessPolicy(new DashboardSettings(true, List.of("127.0.0.0/8", "::1/128"),
            List.of("localhost", "sluice.lan"), false));

    @ParameterizedTest(name = "peer {0}, Host {1}: {2}")
    @CsvSource({
            "127.0.0.1, localhost:40114, true",
            "127.0.0.1, LOCALHOST, true",
            "127.0.0.1, 127.0.0.1:40114, true",
            "::1, '[::1]:40114', true",
            "127.0.0.1, sluice.lan, true",
            "127.0.0.1, evil.example, false",
            "127.0.0.1, '', false",
            "10.0.0.7, localhost, false",
            "192.168.1.20, 127.0.0.1, false"})
    void peerMustBeInACidr_andHostAllowedOrAnIpLiteral(String peer, String host, boolean allowed) {
        assertThat(olla.allows(peer, host)).isEqualTo(allowed);
    }
}
