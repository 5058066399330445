package dev.sluice.adapters.config.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.adapters.config.problem.ConfigException;
import dev.sluice.domain.model.CapabilityPattern;
import dev.sluice.domain.model.FamilyPattern;
import dev.sluice.domain.model.UnificationRules;
import dev.sluice.profiles.BuiltInProfiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Finds and reads {@code models.yaml}: the first of the given candidate paths that exists, else our built-in rules.
 * A file that exists but does not parse stops startup naming the line: Olla's shipped file once failed to parse and
 * silently fell back to defaults for months (its issue #204).
 */
public final class UnificationRulesLoader {

    private final ObjectMapper yaml;

    public UnificationRulesLoader(ObjectMapper lenientYaml) {
        this.yaml = lenientYaml;
    }

    public LoadedRules load(List<Path> candidates) {
        Optional<Path> file = candidates.stream().filter(Files::isRegularFile).findFirst();
        if (file.isPresent()) {
            return new LoadedRules(parse(read(file.get()), file.get().toString()), file.get().toString());
        }
        return new LoadedRules(parse(builtIn(), "built-in models.yaml"), "built-in");
    }

    UnificationRules parse(String text, String source) {
        ModelRulesDocument doc;
        try {
            doc = yaml.readValue(text, ModelRulesDocument.class);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : ":" + e.getLocation().getLineNr();
            throw new ConfigException(source + where + ": cannot read model rules: "
                    + e.getOriginalMessage().lines().findFirst().orElse("malformed YAML"), e);
        }
        if (doc == null) {
            return UnificationRules.NONE;
        }
        var extraction = doc.modelExtraction() == null
                ? new ModelRulesDocument.ModelExtraction(null, null, null, null) : doc.modelExtraction();
        List<FamilyPattern> families = new ArrayList<>();
        for (var p : list(extraction.familyPatterns())) {
            if (p.pattern() == null) {
                continue;
            }
            families.add(new FamilyPattern(compile(p.pattern(), source, "model_extraction.family_patterns"),
                    p.familyGroup() == null ? 1 : p.familyGroup(), p.variantGroup() == null ? 0 : p.variantGroup()));
        }
        var caps = doc.capabilities() == null ? new ModelRulesDocument.Capabilities(null, null, null) : doc.capabilities();
        List<CapabilityPattern> names = new ArrayList<>();
        for (var p : list(caps.namePatterns())) {
            if (p.pattern() != null) {
                names.add(new CapabilityPattern(compile(p.pattern(), source, "capabilities.name_patterns"),
                        list(p.capabilities())));
            }
        }
        var special = doc.specialRules() == null ? new ModelRulesDocument.SpecialRules(null, null) : doc.specialRules();
        return new UnificationRules(families, map(extraction.architectureMappings()), map(extraction.familyAliases()),
                map(extraction.publisherMappings()),
                doc.quantization() == null ? Map.of() : map(doc.quantization().mappings()),
                caps.typeCapabilities() == null ? Map.of() : caps.typeCapabilities(), names,
                caps.contextThresholds() == null ? Map.of() : caps.contextThresholds(), list(special.preserveFamily()));
    }

    private static Pattern compile(String regex, String source, String key) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new ConfigException(source + ": '" + key + "' has an invalid regular expression '" + regex + "': "
                    + e.getDescription());
        }
    }

    private static <T> List<T> list(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static Map<String, String> map(Map<String, String> map) {
        return map == null ? Map.of() : map;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static String builtIn() {
        try (InputStream in = BuiltInProfiles.open(BuiltInProfiles.modelsRulesResource())) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("built-in models.yaml is unreadable", e);
        }
    }
}
