package dev.sluice.domain.model;

import java.util.Objects;
import java.util.regex.Pattern;

/** A rule that reads a family (and optionally a variant) out of a lower-cased model name. */
public record FamilyPattern(Pattern regex, int familyGroup, int variantGroup) {

    public FamilyPattern {
        Objects.requireNonNull(regex, "regex");
        if (familyGroup < 1) {
            throw new IllegalArgumentException("family_group must be >= 1 in " + regex.pattern());
        }
    }
}
