package dev.sluice.adapters.config.profile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.adapters.config.problem.ConfigException;
import dev.sluice.domain.pattern.Glob;
import dev.sluice.domain.profile.Profile;
import dev.sluice.domain.profile.ProfileCatalog;
import dev.sluice.profiles.BuiltInProfiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Loads the built-in profiles, then every {@code *.yaml} in the custom profile folders (a custom profile with a
 * built-in's name replaces it), then applies {@code proxy.profile_filter}. A broken built-in is a bug and fails;
 * a broken custom file fails startup too, naming the file: silently skipping it (Olla's way) leaves endpoints of
 * that type unroutable with no clue why.
 */
public final class ProfileLoader {

    /** Sections of Olla's profile schema that describe a platform without changing what we do. */
    public static final Set<String> DESCRIPTIVE_SECTIONS = Set.of("detection", "path_indices", "resources", "features",
            "deployment", "performance", "security", "olla_integration");
    private static final Set<String> BOUND_SECTIONS = Set.of("name", "version", "display_name", "description", "home",
            "routing", "api", "characteristics", "models", "request", "metrics", "provider");

    private final ObjectMapper yaml;

    public ProfileLoader(ObjectMapper lenientYaml) {
        this.yaml = lenientYaml;
    }

    public LoadedProfiles load(List<Path> customFolders, List<String> include, List<String> exclude) {
        List<Profile> inOrder = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (String resource : BuiltInProfiles.resourceNames()) {
            inOrder.add(parse(readResource(resource), "built-in " + resource, warnings));
        }
        List<String> customFiles = new ArrayList<>();
        for (Path folder : new LinkedHashSet<>(customFolders)) {
            for (Path file : yamlFiles(folder)) {
                inOrder.add(parse(readFile(file), file.toString(), warnings));
                customFiles.add(file.toString());
            }
        }
        ProfileCatalog all = ProfileCatalog.of(inOrder);
        List<Profile> kept = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        for (Profile profile : all.all()) {
            if (allowed(profile.name(), include, exclude)) {
                kept.add(profile);
            } else {
                dropped.add(profile.name());
            }
        }
        if (kept.isEmpty()) {
            throw new ConfigException("'proxy.profile_filter' leaves no profile loaded: widen include or shorten exclude");
        }
        return new LoadedProfiles(ProfileCatalog.of(kept), customFiles, dropped, warnings);
    }

    private static boolean allowed(String name, List<String> include, List<String> exclude) {
        if (exclude.stream().anyMatch(p -> new Glob(p).matches(name))) {
            return false;
        }
        return include.isEmpty() || include.stream().anyMatch(p -> new Glob(p).matches(name));
    }

    private Profile parse(String text, String source, List<String> warnings) {
        try {
            JsonNode tree = yaml.readTree(text);
            if (tree == null || !tree.isObject()) {
                throw new ConfigException(source + ": not a profile (expected a YAML mapping with a 'name')");
            }
            for (Iterator<String> it = tree.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!BOUND_SECTIONS.contains(key) && !DESCRIPTIVE_SECTIONS.contains(key)) {
                    warnings.add(source + ": unknown profile section '" + key + "' ignored");
                }
            }
            return ProfileMapper.map(yaml.treeToValue(tree, ProfileDocument.class), source);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : ":" + e.getLocation().getLineNr();
            throw new ConfigException(source + where + ": cannot read profile: " + e.getOriginalMessage().lines()
                    .findFirst().orElse("malformed YAML"), e);
        }
    }

    private static List<Path> yamlFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> {
                String n = p.getFileName().toString();
                return (n.endsWith(".yaml") || n.endsWith(".yml")) && Files.isRegularFile(p);
            }).sorted().toList();
        } catch (IOException e) {
            throw new ConfigException("cannot list profile folder " + folder + ": " + e.getMessage(), e);
        }
    }

    private static String readFile(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException("cannot read profile " + file + ": " + e.getMessage(), e);
        }
    }

    private static String readResource(String resource) {
        try (InputStream in = BuiltInProfiles.open(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("built-in profile " + resource + " is unreadable", e);
        }
    }
}
