package dev.sluice.application.catalog;

import dev.sluice.application.port.out.ModelDiscovery;
import dev.sluice.application.port.out.ModelDiscoveryException;
import dev.sluice.domain.endpoint.Endpoint;
import dev.sluice.domain.model.DiscoveredModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A discovery the test drives. An endpoint without a script has every call held until the test completes it; a
 * scripted endpoint gets its steps in order, the last one repeated. Counts calls in flight and their peak.
 */
final class FakeModelDiscovery implements ModelDiscovery {

    private record Held(Endpoint endpoint, CompletableFuture<List<DiscoveredModel>> future) {
    }

    private final Map<String, List<Supplier<CompletableFuture<List<DiscoveredModel>>>>> scripts =
            new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Queue<Held> held = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();

    static Supplier<CompletableFuture<List<DiscoveredModel>>> models(String... names) {
        List<DiscoveredModel> models = java.util.stream.Stream.of(names).map(DiscoveredModel::named).toList();
        return () -> CompletableFuture.completedFuture(models);
    }

    static Supplier<CompletableFuture<List<DiscoveredModel>>> failure() {
        return () -> CompletableFuture.failedFuture(new ModelDiscoveryException("HTTP 500 from /api/tags"));
    }

    @SafeVarargs
    final void script(Endpoint endpoint, Supplier<CompletableFuture<List<DiscoveredModel>>>... steps) {
        List<Supplier<CompletableFuture<List<DiscoveredModel>>>> inOrder = new ArrayList<>();
        for (Supplier<CompletableFuture<List<DiscoveredModel>>> step : steps) {
            inOrder.add(step);
        }
        scripts.put(endpoint.id(), List.copyOf(inOrder));
    }

    @Override
    public CompletableFuture<List<DiscoveredModel>> discover(Endpoint endpoint) {
        int call = calls.computeIfAbsent(endpoint.id(), id -> new AtomicInteger()).incrementAndGet();
        List<Supplier<CompletableFuture<List<DiscoveredModel>>>> script = scripts.get(endpoint.id());
        if (script != null) {
            return script.get(Math.min(call, script.size()) - 1).get();
        }
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        CompletableFuture<List<DiscoveredModel>> future = new CompletableFuture<>();
        held.add(new Held(endpoint, future));
        return future;
    }

    /** Answers the oldest held call with the given model names; returns whose call it was. */
    Endpoint completeOldest(String... names) {
        Held oldest = held.poll();
        if (oldest == null) {
            throw new AssertionError("no discovery is waiting");
        }
        // Count it finished before completing: completion runs the caller's continuation, which may start the next.
        inFlight.decrementAndGet();
        oldest.future().complete(java.util.stream.Stream.of(names).map(DiscoveredModel::named).toList());
        return oldest.endpoint();
    }

    int calls(Endpoint endpoint) {
        AtomicInteger count = calls.get(endpoint.id());
        return count == null ? 0 : count.get();
    }

    int totalCalls() {
        return calls.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    int inFlight() {
        return inFlight.get();
    }

    int maxInFlight() {
        return maxInFlight.get();
    }

    List<Endpoint> heldEndpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        held.forEach(h -> endpoints.add(h.endpoint()));
        return endpoints;
    }
}
