package dev.sluice.adapters.config;

import dev.sluice.adapters.config.problem.ConfigException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.sluice.adapters.config.schema.SluiceConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads config.yaml strictly: every key must be one we know (an unknown or misspelt key fails with its file, line
 * and the valid keys around it), then applies {@code OLLA_*} overrides.
 */
final class ConfigLoader {

    private final YAMLMapper yaml = YamlMappers.strict();

    Parsed load(Optional<Path> file, Map<String, String> env) {
        return load(file, env, Map.of());
    }

    /** @param dotEnv the working directory's .env file alone, already merged into {@code env} */
    Parsed load(Optional<Path> file, Map<String, String> env, Map<String, String> dotEnv) {
        String source = file.map(Path::toString).orElse("(built-in defaults)");
        String text = file.map(ConfigLoader::read).orElse("");
        YamlLocations locations = text.isBlank() ? YamlLocations.none() : YamlLocations.scan(text);
        ObjectNode tree;
        try {
            // Bind once straight from the text so errors carry the line they are on.
            if (!text.isBlank()) {
                yaml.readValue(text, SluiceConfig.class);
            }
            JsonNode parsed = text.isBlank() ? null : yaml.readTree(text);
            if (parsed != null && !parsed.isNull() && !parsed.isObject()) {
                throw new ConfigException(source + ": expected a YAML mapping of sections (server:, proxy:, ...) at the top");
            }
            tree = parsed == null || parsed.isNull() ? yaml.createObjectNode() : (ObjectNode) parsed;
        } catch (JsonProcessingException e) {
            throw ConfigErrors.of(source, e, locations);
        }
        // Seed 004's variables first, so an OLLA_* variable naming the same setting wins.
        ProviderEnv.Result seed = ProviderEnv.apply(tree, env, dotEnv);
        List<String> applied = new ArrayList<>(seed.applied());
        applied.addAll(EnvOverrides.apply(tree, env));
        SluiceConfig config;
        try {
            config = yaml.treeToValue(tree, SluiceConfig.class);
        } catch (JsonProcessingException e) {
            throw ConfigErrors.of(source + " (with OLLA_* overrides " + applied + ")", e, YamlLocations.none());
        }
        List<String> notes = deprecations(tree);
        notes.addAll(seed.notes());
        return new Parsed(config, applied, notes, locations);
    }

    private static List<String> deprecations(ObjectNode tree) {
        List<String> notes = new ArrayList<>();
        JsonNode proxy = tree.path("proxy");
        if (proxy.has("max_retries")) {
            notes.add("'proxy.max_retries' is deprecated: it is used as 'proxy.retry.max_attempts' when that is 0; "
                    + "write proxy.retry.max_attempts instead");
        }
        if (tree.path("discovery").has("refresh_interval")) {
            // Olla ships the key and ignores it; saying so beats a setting that silently does nothing.
            notes.add("'discovery.refresh_interval' has no effect (Olla ignores it too): the endpoint list is read "
                    + "once at start-up, so restart to change it; model lists refresh on "
                    + "discovery.model_discovery.interval and health on each endpoint's check_interval");
        }
        if (proxy.has("retry_backoff")) {
            notes.add("'proxy.retry_backoff' is deprecated: it is the pause before each failover attempt; "
                    + "leave it out for none");
        }
        return notes;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + file + ": " + e.getMessage(), e);
        }
    }

    record Parsed(SluiceConfig config, List<String> envOverrides, List<String> deprecations, YamlLocations locations) {
    }
}
