package dev.sluice.application.fleet;

import dev.sluice.application.port.out.HealthProbe;
import dev.sluice.domain.endpoint.Endpoint;
import dev.sluice.domain.endpoint.ProbeResult;
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
 * A probe the test drives. An endpoint without a script has every probe held until the test completes it (or
 * forever); a scripted endpoint gets its steps in order, the last one repeated.
 */
final class FakeHealthProbe implements HealthProbe {

    private final Map<String, List<Supplier<CompletableFuture<ProbeResult>>>> scripts = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Map<String, Queue<CompletableFuture<ProbeResult>>> held = new ConcurrentHashMap<>();

    /** Answers the endpoint's probes at once with these results in order, repeating the last. */
    void answer(Endpoint endpoint, ProbeResult... results) {
        List<Supplier<CompletableFuture<ProbeResult>>> steps = new ArrayList<>();
        for (ProbeResult result : results) {
            steps.add(() -> CompletableFuture.completedFuture(result));
        }
        scripts.put(endpoint.id(), List.copyOf(steps));
    }

    /** Breaks the port's contract once (the future fails), then answers {@code result} for ever. */
    void failOnceThenAnswer(Endpoint endpoint, ProbeResult result) {
        scripts.put(endpoint.id(), List.of(
                () -> CompletableFuture.failedFuture(new IllegalStateException("adapter bug")),
                () -> CompletableFuture.completedFuture(result)));
    }

    @Override
    public CompletableFuture<ProbeResult> probe(Endpoint endpoint) {
        int call = calls.computeIfAbsent(endpoint.id(), id -> new AtomicInteger()).incrementAndGet();
        List<Supplier<CompletableFuture<ProbeResult>>> script = scripts.get(endpoint.id());
        if (script != null) {
            return script.get(Math.min(call, script.size()) - 1).get();
        }
        CompletableFuture<ProbeResult> future = new CompletableFuture<>();
        heldOf(endpoint).add(future);
        return future;
    }

    /** Completes the oldest held probe of the endpoint. */
    void complete(Endpoint endpoint, ProbeResult result) {
        CompletableFuture<ProbeResult> oldest = heldOf(endpoint).poll();
        if (oldest == null) {
            throw new AssertionError("no probe of " + endpoint.name() + " is waiting");
        }
        oldest.complete(result);
    }

    int calls(Endpoint endpoint) {
        AtomicInteger count = calls.get(endpoint.id());
        return count == null ? 0 : count.get();
    }

    int heldCount(Endpoint endpoint) {
        return heldOf(endpoint).size();
    }

    private Queue<CompletableFuture<ProbeResult>> heldOf(Endpoint endpoint) {
        return held.computeIfAbsent(endpoint.id(), id -> new ConcurrentLinkedQueue<>());
    }
}
