package dev.sluice.application.fleet;

import dev.sluice.domain.endpoint.Endpoint;
import dev.sluice.domain.endpoint.EndpointHealth;
import dev.sluice.domain.endpoint.EndpointSnapshot;
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

    public Fleet(List<Endpoint> endpoints, Instant now) {
        this.endpoints = List.copyOf(endpoints);
        Map<String, AtomicReference<EndpointHealth>> byId = new LinkedHashMap<>();
        for (Endpoint endpoint : this.endpoints) {
            if (byId.put(endpoint.id(), new AtomicReference<>(EndpointHealth.unknown(now))) != null) {
                throw new IllegalArgumentException("two endpoints share the id " + endpoint.id());
            }
        }
        this.health = Map.copyOf(byId);
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
        return new Transition(endpoint, before, after);
    }

    private AtomicReference<EndpointHealth> ref(Endpoint endpoint) {
        return Objects.requireNonNull(health.get(endpoint.id()), () -> "not in this fleet: " + endpoint.name());
    }
}
