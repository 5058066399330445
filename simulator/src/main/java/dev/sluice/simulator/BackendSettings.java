package dev.sluice.simulator;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;

/**
 * Everything a test may change on a running backend, as one immutable snapshot. The backend holds it in an
 * {@code AtomicReference} and replaces it whole, so a request that reads it once sees one consistent state even
 * while a test flips models and faults from another thread. The one exception is {@link ErrorBurst}, a counter
 * that every snapshot taken after it was set shares, so a burst of N errors is N requests whatever else changes.
 */
record BackendSettings(List<SimulatedModel> models, int healthStatus, Fault fault, Duration healthDelay,
                       boolean loading, ChatScript chatScript, ChatFault chatFault, ErrorBurst errorBurst) {

    /** Long enough to exceed any sane probe timeout, short enough not to hang a forgotten CLI. */
    static final Duration DEFAULT_HEALTH_DELAY = Duration.ofSeconds(10);

    BackendSettings {
        models = List.copyOf(requireNonNull(models, "models"));
        requireNonNull(fault, "fault");
        requireNonNull(healthDelay, "healthDelay");
        requireNonNull(chatScript, "chatScript");
        requireNonNull(chatFault, "chatFault");
        requireNonNull(errorBurst, "errorBurst");
        if (healthStatus < 100 || healthStatus > 599) {
            throw new IllegalArgumentException("healthStatus must be an HTTP status but was " + healthStatus);
        }
        if (healthDelay.isNegative()) {
            throw new IllegalArgumentException("healthDelay must not be negative but was " + healthDelay);
        }
    }

    static BackendSettings initial(List<SimulatedModel> models) {
        return new BackendSettings(models, 200, Fault.NONE, DEFAULT_HEALTH_DELAY, false, ChatScript.defaults(),
                ChatFault.NONE, ErrorBurst.NONE);
    }

    BackendSettings withModels(List<SimulatedModel> newModels) {
        return new BackendSettings(newModels, healthStatus, fault, healthDelay, loading, chatScript, chatFault,
                errorBurst);
    }

    BackendSettings withHealthStatus(int newStatus) {
        return new BackendSettings(models, newStatus, fault, healthDelay, loading, chatScript, chatFault, errorBurst);
    }

    BackendSettings withFault(Fault newFault) {
        return new BackendSettings(models, healthStatus, newFault, healthDelay, loading, chatScript, chatFault,
                errorBurst);
    }

    BackendSettings withHealthDelay(Duration newDelay) {
        return new BackendSettings(models, healthStatus, fault, newDelay, loading, chatScript, chatFault, errorBurst);
    }

    BackendSettings withLoading(boolean newLoading) {
        return new BackendSettings(models, healthStatus, fault, healthDelay, newLoading, chatScript, chatFault,
                errorBurst);
    }

    BackendSettings withChatScript(ChatScript newScript) {
        return new BackendSettings(models, healthStatus, fault, healthDelay, loading, newScript, chatFault, errorBurst);
    }

    BackendSettings withChatFault(ChatFault newFault) {
        return new BackendSettings(models, healthStatus, fault, healthDelay, loading, chatScript, newFault, errorBurst);
    }

    BackendSettings withErrorBurst(ErrorBurst newBurst) {
        return new BackendSettings(models, healthStatus, fault, healthDelay, loading, chatScript, chatFault, newBurst);
    }
}
