package dev.sluice.application.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.application.TestFleet;
import dev.sluice.domain.endpoint.Endpoint;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class EndpointRateLimitsTest {

    private final AtomicLong nanos = new AtomicLong();
    private final Endpoint gpu = TestFleet.endpoint("gpu");

    @Test
    void anEndpointAtItsLimitIsSkippedUntilItRefills() {
        EndpointRateLimits limits = new EndpointRateLimits(List.of(gpu), 60, 2, nanos::get);
        assertThat(limits.take(gpu)).isTrue();
        assertThat(limits.take(gpu)).isTrue();
        assertThat(limits.mayTake(gpu)).isFalse();
        assertThat(limits.take(gpu)).isFalse();
        nanos.addAndGet(1_000_000_000L);
        assertThat(limits.mayTake(gpu)).as("60 a minute is one a second").isTrue();
        assertThat(limits.take(gpu)).isTrue();
    }

    @Test
    void zeroMeansNoLimit() {
        EndpointRateLimits limits = new EndpointRateLimits(List.of(gpu), 0, 2, nanos::get);
        for (int i = 0; i < 1000; i++) {
            assertThat(limits.take(gpu)).isTrue();
        }
    }
}
