package dev.sluice.application.fleet;

import dev.sluice.domain.endpoint.Endpoint;
import dev.sluice.domain.endpoint.EndpointHealth;
import dev.sluice.domain.endpoint.EndpointSnapshot;
import dev.sluice.domain.endpoint.HealthChange;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * The configured endpoints and their current health. The endpoint list never changes; each endpoint's health is
 * an immutable record swapped atomically, so readers on the request path never lock.
 */
public final class Fleet {

    private final List<Endpoint> endpoints;
    private final Map<String, AtomicReference<EndpointHealth>> health;
    private final Map<String, HealthHistory> history;
    private final Clock clock;

    public Fleet(List<Endpoint> endpoints, Instant now) {
        this(endpoints, Clock.systemUTC(), now);
    }

    /** @param clock dates the health history's entries */
    public Fleet(List<Endpoint> endpoints, Clock clock) {
        this(endpoints, clock, clock.instant());
    }

    private Fleet(List<Endpoint> endpoints, Clock clock, Instant now) {
        this.endpoints = List.copyOf(endpoints);
        this.clock = clock;
        Map<String, AtomicReference<EndpointHealth>> byId = new LinkedHashMap<>();
        Map<String, HealthHistory> histories = new LinkedHashMap<>();
        for (Endpoint endpoint : this.endpoints) {
            if (byId.put(endpoint.id(), new AtomicReference<>(EndpointHealth.unknown(now))) != null) {
                throw new IllegalArgumentException("two endpoints share the id " + endpoint.id());
            }
            histories.put(endpoint.id(), new HealthHistory());
        }
        this.health = Map.copyOf(byId);
        this.history = Map.copyOf(histories);
    }

    public List<Endpoint> endpoints() {
        return endpoints;
    }

    public Optional<Endpoint> byName(String name) {
        return endpoints.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    public EndpointHealth health(Endpoint endpoint) {
        return ref(endpoint).get();
    }

    /** Every endpoint with its health, in configuration order. */
    public List<EndpointSnapshot> snapshot() {
        return endpoints.stream().map(e -> new EndpointSnapshot(e, health(e))).toList();
    }

    /** Endpoints a request may be sent to right now. */
    public List<Endpoint> routable() {
        return endpoints.stream().filter(e -> health(e).routable()).toList();
    }

    /** Replaces the endpoint's health; returns the transition so callers can react to a change of status. */
    public Transition update(Endpoint endpoint, UnaryOperator<EndpointHealth> change) {
        AtomicReference<EndpointHealth> ref = ref(endpoint);
        EndpointHealth before;
        EndpointHealth after;
        do {
            before = ref.get();
            after = change.apply(before);
        } while (!ref.compareAndSet(before, after));
        if (before.status() != after.status()) {
            history.get(endpoint.id()).add(new HealthChange(clock.instant(),
                    before.status(), after.status(), after.lastError()));
        }
        return new Transition(endpoint, before, after);
    }

    /** The endpoint's recent status changes, oldest first, at most {@value HealthHistory#KEEP}. */
    public List<HealthChange> history(Endpoint endpoint) {
        return Objects.requireNonNull(history.get(endpoint.id()), () -> "not in this fleet: " + endpoint.name()).changes();
    }

    /** How many times the endpoint's status has changed since start. */
    public long statusChanges(Endpoint endpoint) {
        return Objects.requireNonNull(history.get(endpoint.id()), () -> "not in this fleet: " + endpoint.name()).total();
    }

    private AtomicReference<EndpointHealth> ref(Endpoint endpoint) {
        return Objects.requireNonNull(health.get(endpoint.id()), () -> "not in this fleet: " + endpoint.name());
    }
}
