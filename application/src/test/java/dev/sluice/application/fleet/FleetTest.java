package dev.sluice.application.fleet;

import static dev.sluice.application.TestFleet.endpoint;
import static dev.sluice.application.TestFleet.health;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.domain.endpoint.Endpoint;
import dev.sluice.domain.endpoint.EndpointHealth;
import dev.sluice.domain.endpoint.EndpointSnapshot;
import dev.sluice.domain.endpoint.EndpointStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FleetTest {

    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");

    private final Endpoint zulu = endpoint("zulu");
    private final Endpoint alpha = endpoint("alpha");
    private final Endpoint mike = endpoint("mike");
    private final Fleet fleet = new Fleet(List.of(zulu, alpha, mike), NOW);

    private void mark(Endpoint endpoint, EndpointStatus status) {
        fleet.update(endpoint, before -> health(status, NOW));
    }

    @Nested
    class Snapshot {

        @Test
        void listsEveryEndpointInConfigurationOrder() {
            assertThat(fleet.snapshot()).extracting(s -> s.endpoint().name()).containsExactly("zulu", "alpha", "mike");
        }

        @Test
        void startsEveryEndpointUnknownAndDueAtOnce() {
            assertThat(fleet.snapshot()).extracting(EndpointSnapshot::health)
                    .containsOnly(EndpointHealth.unknown(NOW));
        }

        @Test
        void carriesEachEndpointsCurrentHealth() {
            mark(alpha, EndpointStatus.OFFLINE);

            assertThat(fleet.snapshot()).extracting(s -> s.health().status())
                    .containsExactly(EndpointStatus.UNKNOWN, EndpointStatus.OFFLINE, EndpointStatus.UNKNOWN);
        }
    }

    @Nested
    class Routable {

        @Test
        void nothingIsRoutableBeforeTheFirstProbe() {
            assertThat(fleet.routable()).isEmpty();
        }

        @Test
        void listsOnlyRoutableEndpoints_inConfigurationOrder() {
            mark(mike, EndpointStatus.HEALTHY);
            mark(zulu, EndpointStatus.BUSY);
            mark(alpha, EndpointStatus.UNHEALTHY);

            assertThat(fleet.routable()).containsExactly(zulu, mike);
        }

        @ParameterizedTest
        @EnumSource(EndpointStatus.class)
        void followsTheStatusRoutability(EndpointStatus status) {
            mark(alpha, status);

            assertThat(fleet.routable().contains(alpha)).isEqualTo(status.routable());
        }
    }

    @Nested
    class Update {

        @Test
        void returnsTheHealthBeforeAndAfter() {
            EndpointHealth healthy = health(EndpointStatus.HEALTHY, NOW);

            Transition transition = fleet.update(alpha, before -> healthy);

            assertThat(transition.endpoint()).isEqualTo(alpha);
            assertThat(transition.before()).isEqualTo(EndpointHealth.unknown(NOW));
            assertThat(transition.after()).isSameAs(healthy);
            assertThat(transition.statusChanged()).isTrue();
            assertThat(fleet.health(alpha)).isSameAs(healthy);
        }

        @Test
        void passesTheCurrentHealthToTheChange() {
            mark(alpha, EndpointStatus.OFFLINE);

            Transition transition = fleet.update(alpha, before -> before);

            assertThat(transition.before().status()).isEqualTo(EndpointStatus.OFFLINE);
            assertThat(transition.statusChanged()).isFalse();
        }

        @Test
        void changesOnlyTheNamedEndpoint() {
            mark(alpha, EndpointStatus.HEALTHY);

            assertThat(fleet.health(zulu).status()).isEqualTo(EndpointStatus.UNKNOWN);
            assertThat(fleet.health(mike).status()).isEqualTo(EndpointStatus.UNKNOWN);
        }

        @Test
        void rejectsAnEndpointFromAnotherFleet() {
            Endpoint stranger = endpoint("stranger");

            assertThatThrownBy(() -> fleet.update(stranger, before -> before))
                    .isInstanceOf(NullPointerException.class)
                    .hasMessageContaining("stranger");
        }
    }

    @Test
    void rejectsTwoEndpointsWithTheSameId() {
        // Same URL, so the same derived id, whatever the names say.
        Endpoint copy = new Endpoint(alpha.id(), "alpha-copy", alpha.url(), alpha.type(), alpha.profile(), 1, false,
                alpha.healthCheckUrl(), alpha.modelUrl(), alpha.checkInterval(), alpha.checkTimeout(),
                alpha.modelFilter(), alpha.outboundHeaders());

        assertThatThrownBy(() -> new Fleet(List.of(alpha, copy), NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(alpha.id());
    }

    @Test
    void findsAnEndpointByName() {
        assertThat(fleet.byName("mike")).contains(mike);
        assertThat(fleet.byName("MIKE")).isEmpty();
    }
}
