package dev.sluice.domain.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.domain.TestFleet;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EndpointTest {

    @Test
    void rejectsAUrlCarryingCredentials_withoutEchoingThem() {
        assertThatThrownBy(() -> TestFleet.endpoint("gpu1").url("http://admin:hunter2@gpu1:11434").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gpu1")
                .message().doesNotContain("hunter2");
    }

    @Test
    void rejectsNegativePriority() {
        assertThatThrownBy(() -> TestFleet.endpoint("gpu1").priority(-1).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("priority");
    }

    @Test
    void allowsPriorityZero() {
        assertThat(TestFleet.endpoint("gpu1").priority(0).build().priority()).isZero();
    }

    @Test
    void toStringNamesTheEndpointButNeverPrintsHeaderValues() {
        Endpoint endpoint = TestFleet.endpoint("gpu1")
                .headers(Map.of("Authorization", "Bearer sk-very-secret", "X-Api-Key", "key-123"))
                .build();

        assertThat(endpoint.toString())
                .contains("gpu1")
                .doesNotContain("sk-very-secret")
                .doesNotContain("key-123");
    }

    @Test
    void credentialHeaderNamesAreTheOutboundHeaderNames() {
        Endpoint endpoint = TestFleet.endpoint("gpu1").headers(Map.of("Authorization", "Bearer x")).build();

        assertThat(endpoint.credentialHeaderNames()).containsExactly("Authorization");
    }

    @Test
    void copiesOutboundHeaders_soLaterChangesToTheSourceMapDoNotLeakIn() {
        Map<String, String> headers = new HashMap<>(Map.of("Authorization", "Bearer a"));
        Endpoint endpoint = TestFleet.endpoint("gpu1").headers(headers).build();

        headers.put("Authorization", "Bearer b");

        assertThat(endpoint.outboundHeaders()).containsEntry("Authorization", "Bearer a");
    }
}
