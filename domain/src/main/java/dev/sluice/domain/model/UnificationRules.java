package dev.sluice.domain.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How names from different platforms are read into one catalogue: the {@code models.yaml} rules.
 *
 * @param architectureMappings platform architecture string to family, consulted before name patterns
 * @param familyAliases        family spellings folded into one, e.g. {@code llama3 -> llama}
 * @param preserveFamily       families whose name beats the reported architecture (Kimi reports deepseek2)
 * @param typeCapabilities     capabilities every model of a type has
 * @param contextThresholds    capability name to the context length from which a model has it
 */
public record UnificationRules(
        List<FamilyPattern> familyPatterns,
        Map<String, String> architectureMappings,
        Map<String, String> familyAliases,
        Map<String, String> publisherMappings,
        Map<String, String> quantizationMappings,
        Map<String, List<String>> typeCapabilities,
        List<CapabilityPattern> namePatterns,
        Map<String, Long> contextThresholds,
        List<String> preserveFamily) {

    public static final UnificationRules NONE = new UnificationRules(List.of(), Map.of(), Map.of(), Map.of(),
            Map.of(), Map.of(), List.of(), Map.of(), List.of());

    public UnificationRules {
        familyPatterns = List.copyOf(familyPatterns);
        architectureMappings = lowerKeys(architectureMappings);
        familyAliases = lowerKeys(familyAliases);
        publisherMappings = lowerKeys(publisherMappings);
        quantizationMappings = Map.copyOf(Objects.requireNonNull(quantizationMappings));
        typeCapabilities = Map.copyOf(typeCapabilities);
        namePatterns = List.copyOf(namePatterns);
        contextThresholds = Map.copyOf(contextThresholds);
        preserveFamily = List.copyOf(preserveFamily);
    }

    private static Map<String, String> lowerKeys(Map<String, String> map) {
        Map<String, String> lowered = new java.util.HashMap<>();
        map.forEach((k, v) -> lowered.put(k.toLowerCase(java.util.Locale.ROOT), v));
        return Map.copyOf(lowered);
    }
}
