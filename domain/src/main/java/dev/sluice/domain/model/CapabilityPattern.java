package dev.sluice.domain.model;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/** Capabilities implied when a model's lower-cased name contains a match for the pattern. */
public record CapabilityPattern(Pattern regex, List<String> capabilities) {

    public CapabilityPattern {
        Objects.requireNonNull(regex, "regex");
        capabilities = List.copyOf(capabilities);
    }
}
