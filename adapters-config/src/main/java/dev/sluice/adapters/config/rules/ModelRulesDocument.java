package dev.sluice.adapters.config.rules;

import java.util.List;
import java.util.Map;

/** A {@code models.yaml} file: Olla's model-unification rules, key for key. */
public record ModelRulesDocument(String version, ModelExtraction modelExtraction, Quantization quantization,
                                 Capabilities capabilities, SpecialRules specialRules) {

    /** {@code model_extraction}. */
    public record ModelExtraction(List<FamilyPattern> familyPatterns, Map<String, String> architectureMappings,
                                  Map<String, String> familyAliases, Map<String, String> publisherMappings) {
    }

    /** One of {@code model_extraction.family_patterns}. */
    public record FamilyPattern(String pattern, Integer familyGroup, Integer variantGroup, String description) {
    }

    /** {@code quantization}. */
    public record Quantization(Map<String, String> mappings) {
    }

    /** {@code capabilities}. */
    public record Capabilities(Map<String, List<String>> typeCapabilities, List<NamePattern> namePatterns,
                               Map<String, Long> contextThresholds) {
    }

    /** One of {@code capabilities.name_patterns}. */
    public record NamePattern(String pattern, List<String> capabilities) {
    }

    /** {@code special_rules}. */
    public record SpecialRules(List<String> preserveFamily, List<String> genericNames) {
    }
}
