package dev.sluice.adapters.config.rules;

import dev.sluice.domain.model.UnificationRules;

/** The unification rules in force and where they came from (a file path, or "built-in"). */
public record LoadedRules(UnificationRules rules, String source) {
}
