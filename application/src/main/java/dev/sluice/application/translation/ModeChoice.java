package dev.sluice.application.translation;

import java.util.Objects;

/** The mode picked for one attempt and, when translating, why passthrough was not possible. */
public record ModeChoice(BackendMode mode, Fallback fallback) {

    public ModeChoice {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(fallback, "fallback");
    }
}
