package dev.sluice.simulator;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;

/**
 * Everything a test may change on a running backend, as one immutable snapshot. The backend holds it in an
 * {@code AtomicReference} and replaces it whole, so a request that reads it once sees one consistent state even
 * while a test flips models and faults from another thread.
 */
record BackendSettings(List<SimulatedModel> models, int healthStatus, Fault fault, Duration healthDelay,
                       boolean loading, ChatScript chatScript) {

    /** Long enough to exceed any sane probe timeout, short enough not to hang a forgotten CLI. */
    static final Duration DEFAULT_HEALTH_DELAY = Duration.ofSeconds(10);

    BackendSettings {
        models = List.copyOf(requireNonNull(models, "models"));
        requireNonNull(fault, "fault");
        requireNonNull(healthDelay, "healthDelay");
        requireNonNull(chatScript, "chatScript");
        if (healthStatus < 100 || healthStatus > 599) {
            throw new IllegalArgumentException("healthStatus must be an HTTP status but was " + healthStatus);
        }
        if (healthDelay.isNegative()) {
            throw new IllegalArgumentException("healthDelay must not be negative but was " + healthDelay);
        }
    }

    static BackendSettings initial(List<SimulatedModel> models) {
        return new BackendSettings(models, 200, Fault.NONE, DEFAULT_HEALTH_DELAY, false, ChatScript.defaults());
    }

    BackendSettings withModels(List<SimulatedModel> newModels) {
        return new BackendSettings(newModels, healthStatus, fault, healthDelay, loading, chatScript);
    }

    BackendSettings withHealthStatus(int newStatus) {
        return new BackendSettings(models, newStatus, fault, healthDelay, loading, chatScript);
    }

    BackendSettings withFault(Fault newFault) {
        return new BackendSettings(models, healthStatus, newFault, healthDelay, loading, chatScript);
    }

    BackendSettings withHealthDelay(Duration newDelay) {
        return new BackendSettings(models, healthStatus, fault, newDelay, loading, chatScript);
    }

    BackendSettings withLoading(boolean newLoading) {
        return new BackendSettings(models, healthStatus, fault, healthDelay, newLoading, chatScript);
    }

    BackendSettings withChatScript(ChatScript newScript) {
        return new BackendSettings(models, healthStatus, fault, healthDelay, loading, newScript);
    }
}
