package dev.sluice.domain.model;

import dev.sluice.domain.profile.Profile;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads family, variant, size, quantisation, type and capabilities from what a platform reported and, where it
 * reported little (OpenAI-style lists give only a name), from the name itself.
 */
final class ModelNameReader {

    private static final Pattern PARAMS = Pattern.compile("(?<![a-z0-9.])(\\d+(?:\\.\\d+)?)\\s*([bm])(?![a-z])");
    private static final Pattern QUANT_IN_NAME = Pattern.compile(
            "(?i)(?<![a-z0-9])((?:i?q\\d(?:_[a-z0-9]+)*)|f16|fp16|bf16|f32|fp32|mxfp4|nvfp4|awq|gptq|int[48])(?![a-z0-9])");

    private final UnificationRules rules;

    ModelNameReader(UnificationRules rules) {
        this.rules = rules;
    }

    ModelFacts read(DiscoveredModel model, Profile profile) {
        String lower = model.name().toLowerCase(Locale.ROOT);
        String[] familyVariant = familyAndVariant(model, lower);
        String family = rules.familyAliases().getOrDefault(familyVariant[0], familyVariant[0]);
        String parameterSize = model.parameterSize().isEmpty() ? parameterSizeFromName(lower) : model.parameterSize();
        String quantization = normaliseQuantization(
                model.quantization().isEmpty() ? quantizationFromName(model.name()) : model.quantization());
        List<String> profileCapabilities = profile.capabilitiesOf(model.name());
        String type = typeOf(model, profileCapabilities);
        long context = model.contextLength() > 0 ? model.contextLength() : profile.contextLengthOf(model.name());
        String publisher = model.publisher().isEmpty()
                ? rules.publisherMappings().getOrDefault(family, "") : model.publisher();
        return new ModelFacts(family, familyVariant[1], parameterSize, parameterCount(parameterSize), quantization,
                type, publisher, context, capabilities(lower, type, context, quantization, profileCapabilities));
    }

    private String[] familyAndVariant(DiscoveredModel model, String lowerName) {
        String variant = "";
        for (FamilyPattern pattern : rules.familyPatterns()) {
            Matcher m = pattern.regex().matcher(lowerName);
            if (m.find()) {
                String family = group(m, pattern.familyGroup());
                variant = group(m, pattern.variantGroup());
                if (!family.isEmpty() && rules.preserveFamily().contains(family)) {
                    return new String[] {family, variant};
                }
                String reported = reportedFamily(model);
                return new String[] {reported.isEmpty() ? family : reported, variant};
            }
        }
        return new String[] {reportedFamily(model), variant};
    }

    // The platform's architecture or family field, mapped through architecture_mappings when listed.
    private String reportedFamily(DiscoveredModel model) {
        for (String raw : new String[] {model.arch(), model.family()}) {
            String key = raw.toLowerCase(Locale.ROOT);
            if (!key.isEmpty()) {
                return rules.architectureMappings().getOrDefault(key, key);
            }
        }
        return "";
    }

    private static String group(Matcher m, int group) {
        if (group < 1 || group > m.groupCount() || m.group(group) == null) {
            return "";
        }
        return m.group(group);
    }

    private static String parameterSizeFromName(String lowerName) {
        Matcher m = PARAMS.matcher(lowerName);
        return m.find() ? m.group(1) + m.group(2).toUpperCase(Locale.ROOT) : "";
    }

    static long parameterCount(String parameterSize) {
        Matcher m = PARAMS.matcher(parameterSize.toLowerCase(Locale.ROOT));
        if (!m.find()) {
            return 0;
        }
        double value = Double.parseDouble(m.group(1));
        return Math.round(value * ("b".equals(m.group(2)) ? 1e9 : 1e6));
    }

    private static String quantizationFromName(String name) {
        Matcher m = QUANT_IN_NAME.matcher(name);
        return m.find() ? m.group(1) : "";
    }

    private String normaliseQuantization(String quantization) {
        if (quantization.isEmpty()) {
            return "";
        }
        String upper = quantization.toUpperCase(Locale.ROOT);
        for (Map.Entry<String, String> e : rules.quantizationMappings().entrySet()) {
            if (e.getKey().equalsIgnoreCase(upper)) {
                return e.getValue();
            }
        }
        return quantization.toLowerCase(Locale.ROOT).replace("_", "");
    }

    private static String typeOf(DiscoveredModel model, List<String> profileCapabilities) {
        String reported = model.type().toLowerCase(Locale.ROOT);
        if (reported.equals("embedding")) {
            return "embeddings";
        }
        if (!reported.isEmpty()) {
            return reported;
        }
        if (profileCapabilities.contains("embeddings")) {
            return "embeddings";
        }
        return profileCapabilities.contains("vision") ? "vlm" : "llm";
    }

    private List<String> capabilities(String lowerName, String type, long context, String quantization,
                                      List<String> profileCapabilities) {
        Set<String> result = new LinkedHashSet<>(rules.typeCapabilities().getOrDefault(type, List.of()));
        for (CapabilityPattern pattern : rules.namePatterns()) {
            if (pattern.regex().matcher(lowerName).find()) {
                result.addAll(pattern.capabilities());
            }
        }
        result.addAll(profileCapabilities);
        rules.contextThresholds().forEach((capability, threshold) -> {
            if (context >= threshold) {
                result.add(capability);
            }
        });
        if (quantization.equals("f16") || quantization.equals("bf16") || quantization.equals("f32")) {
            result.add("high_precision");
        }
        return new ArrayList<>(result);
    }
}
