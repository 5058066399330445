package dev.sluice.soak;

import dev.sluice.simulator.BackendKind;
import dev.sluice.simulator.ChatScript;
import dev.sluice.simulator.SimulatedBackend;
import java.util.ArrayList;
import java.util.List;

/**
 * The simulated Ollama backends, in-process on loopback: all serve the same model with the same paced script, so
 * the proxy may send any request to any of them and every answer is predictable.
 */
final class SimulatedFleet implements AutoCloseable {

    private final List<SimulatedBackend> backends;

    private SimulatedFleet(List<SimulatedBackend> backends) {
        this.backends = List.copyOf(backends);
    }

    /** Starts {@code size} backends on free ports; on failure, stops those already started. */
    static SimulatedFleet start(int size, String model, ChatScript script) {
        List<SimulatedBackend> started = new ArrayList<>();
        try {
            for (int i = 0; i < size; i++) {
                SimulatedBackend backend = SimulatedBackend.builder(BackendKind.OLLAMA).name("sim-ollama-" + i)
                        .models(model).build();
                backend.setChatScript(script);
                started.add(backend.start());
            }
            return new SimulatedFleet(started);
        } catch (RuntimeException e) {
            started.forEach(SimulatedBackend::close);
            throw e;
        }
    }

    List<SimulatedBackend> backends() {
        return backends;
    }

    @Override
    public void close() {
        backends.forEach(SimulatedBackend::close);
    }
}
