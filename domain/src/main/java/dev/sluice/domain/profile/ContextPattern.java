package dev.sluice.domain.profile;

import dev.sluice.domain.pattern.Glob;
import java.util.Objects;

/** A model-name pattern that implies a context length when the platform does not report one. */
public record ContextPattern(Glob pattern, long context) {

    public ContextPattern {
        Objects.requireNonNull(pattern, "pattern");
        if (context <= 0) {
            throw new IllegalArgumentException("context must be positive for " + pattern.pattern());
        }
    }
}
