package dev.sluice.application.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.application.MutableClock;
import dev.sluice.application.TestFleet;
import dev.sluice.domain.endpoint.Endpoint;
import dev.sluice.domain.endpoint.EndpointStatus;
import dev.sluice.domain.endpoint.HealthChange;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HealthHistoryTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
    private final Endpoint a = TestFleet.endpoint("a");
    private final Fleet fleet = new Fleet(List.of(a), clock);

    @Test
    void everyChangeOfStatusIsKeptWithWhenAndWhy_repeatsOfOneStatusAreNot() {
        fleet.update(a, h -> TestFleet.health(EndpointStatus.HEALTHY, clock.instant()));
        clock.advance(Duration.ofSeconds(5));
        fleet.update(a, h -> TestFleet.health(EndpointStatus.HEALTHY, clock.instant()));
        clock.advance(Duration.ofSeconds(5));
        fleet.update(a, h -> TestFleet.health(EndpointStatus.OFFLINE, clock.instant()));

        List<HealthChange> history = fleet.history(a);
        assertThat(history).extracting(HealthChange::to).containsExactly(EndpointStatus.HEALTHY, EndpointStatus.OFFLINE);
        assertThat(history.get(0).from()).isEqualTo(EndpointStatus.UNKNOWN);
        assertThat(history.get(1).at()).isEqualTo(Instant.parse("2026-11-23T10:00:10Z"));
        assertThat(fleet.statusChanges(a)).isEqualTo(2);
    }

    @Test
    void onlyTheLatestChangesAreKept_butAllAreCounted() {
        for (int i = 0; i < HealthHistory.KEEP + 10; i++) {
            EndpointStatus next = i % 2 == 0 ? EndpointStatus.HEALTHY : EndpointStatus.OFFLINE;
            fleet.update(a, h -> TestFleet.health(next, clock.instant()));
        }
        assertThat(fleet.history(a)).hasSize(HealthHistory.KEEP);
        assertThat(fleet.history(a).get(HealthHistory.KEEP - 1).to()).isEqualTo(EndpointStatus.OFFLINE);
        assertThat(fleet.statusChanges(a)).isEqualTo(HealthHistory.KEEP + 10);
    }
}
