package dev.sluice.application.fleet;

import static dev.sluice.application.TestFleet.endpoint;
import static dev.sluice.application.TestFleet.health;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.domain.endpoint.EndpointStatus;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TransitionTest {

    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");

    private static Transition transition(EndpointStatus before, EndpointStatus after) {
        return new Transition(endpoint("gpu1"), health(before, NOW), health(after, NOW.plusSeconds(5)));
    }

    @ParameterizedTest(name = "{0} -> {1}: recovered {2}")
    @CsvSource({
            "OFFLINE,      HEALTHY,   true",
            "UNHEALTHY,    HEALTHY,   true",
            "BUSY,         HEALTHY,   true",
            "WARMING,      HEALTHY,   true",
            "CONFIG_ERROR, HEALTHY,   true",
            "RATE_LIMITED, HEALTHY,   true",
            // the first probe is a discovery, not a recovery: startup discovers everything anyway
            "UNKNOWN,      HEALTHY,   false",
            "HEALTHY,      HEALTHY,   false",
            "OFFLINE,      BUSY,      false",
            "OFFLINE,      WARMING,   false",
            "HEALTHY,      OFFLINE,   false",
            "UNKNOWN,      OFFLINE,   false",
    })
    void recoveredOnlyWhenBecomingHealthyFromASeenUnhealthyState(EndpointStatus before, EndpointStatus after,
                                                               boolean recovered) {
        assertThat(transition(before, after).recovered()).isEqualTo(recovered);
    }

    @ParameterizedTest(name = "{0} -> {1}: changed {2}")
    @CsvSource({
            "HEALTHY, HEALTHY, false",
            "OFFLINE, OFFLINE, false",
            "UNKNOWN, HEALTHY, true",
            "HEALTHY, BUSY,    true",
    })
    void statusChangedComparesOnlyTheStatus(EndpointStatus before, EndpointStatus after, boolean changed) {
        assertThat(transition(before, after).statusChanged()).isEqualTo(changed);
    }
}
