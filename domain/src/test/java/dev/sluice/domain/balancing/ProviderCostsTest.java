package dev.sluice.domain.balancing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.domain.TestFleet;
import dev.sluice.domain.endpoint.Endpoint;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProviderCostsTest {

    @Test
    void aLocalServerIsFreeUnlessTheOperatorSaysOtherwise() {
        Endpoint local = TestFleet.endpoint("gpu-box").build();
        Endpoint priced = TestFleet.endpoint("rented-gpu").build();
        ProviderCosts costs = new ProviderCosts(Map.of(priced.id(), 0.8));
        assertThat(costs.of(local)).isZero();
        assertThat(costs.of(priced)).isEqualTo(0.8);
    }
}
