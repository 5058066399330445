package dev.sluice.simulator;

import java.util.Optional;

/** Finds a served model by the name a request gives, the way every simulated platform matches names. */
final class ServedModels {

    private ServedModels() {
    }

    /** Exact names, plus Ollama's implicit {@code :latest} tag (no other platform's names carry one). */
    static Optional<SimulatedModel> named(Exchange exchange, String name) {
        return exchange.models().stream()
                .filter(candidate -> candidate.name().equals(name) || candidate.name().equals(name + ":latest"))
                .findFirst();
    }
}
