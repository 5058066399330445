package dev.sluice.adapters.config;

import dev.sluice.adapters.config.schema.EndpointConfig;
import dev.sluice.adapters.config.problem.ConfigException;
import dev.sluice.adapters.config.profile.LoadedProfiles;
import dev.sluice.adapters.config.profile.ProfileLoader;
import dev.sluice.adapters.config.rules.LoadedRules;
import dev.sluice.adapters.config.rules.UnificationRulesLoader;
import dev.sluice.domain.endpoint.Endpoint;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything read from disk and the environment before the proxy starts: config.yaml, profiles, models.yaml, and
 * the endpoints they define. Loading it is the whole of {@code --validate-config}; any problem is a
 * {@link ConfigException} whose message lists every broken key, one per line.
 */
public final class Configuration {

    private final LoadedConfig config;
    private final LoadedProfiles profiles;
    private final LoadedRules rules;
    private final List<Endpoint> endpoints;

    private Configuration(LoadedConfig config, LoadedProfiles profiles, LoadedRules rules, List<Endpoint> endpoints) {
        this.config = config;
        this.profiles = profiles;
        this.rules = rules;
        this.endpoints = endpoints;
    }

    /**
     * @param explicitFile the {@code -c} option, if given
     * @param processEnv   the process environment (a parameter so tests need not mutate the real one); a .env file
     *                     in {@code workingDir} fills in what it does not set
     * @param workingDir   where relative search paths start, normally the current directory
     */
    public static Configuration load(Optional<Path> explicitFile, Map<String, String> processEnv, Path workingDir) {
        Objects.requireNonNull(processEnv, "env");
        // Precedence: built-in defaults < config.yaml < .env < the process environment (OLLA_* over seed-004 names).
        Map<String, String> dotEnv = DotEnv.read(workingDir);
        Map<String, String> env = DotEnv.merge(processEnv, dotEnv);
        Optional<Path> file = ConfigLocator.locate(explicitFile, env, workingDir);
        ConfigLoader.Parsed parsed = new ConfigLoader().load(file, env, dotEnv);
        LoadedConfig loaded = new LoadedConfig(file, parsed.config(), parsed.envOverrides(), parsed.deprecations());
        Path configDir = file.map(f -> f.toAbsolutePath().getParent()).orElse(workingDir.toAbsolutePath());

        var filter = parsed.config().proxy().profileFilter();
        LoadedProfiles profiles = new ProfileLoader(YamlMappers.lenient())
                .load(profileFolders(workingDir, configDir), filter.include(), filter.exclude());

        List<String> problems = ConfigValidator.validate(parsed.config(), profiles.catalog(), loaded.sourceName(),
                parsed.locations());
        if (!problems.isEmpty()) {
            throw new ConfigException(String.join(System.lineSeparator(), problems));
        }
        List<Endpoint> endpoints = new EndpointMapper(profiles.catalog(), new SecretResolver(env, configDir))
                .map(parsed.config().discovery().staticDiscovery().endpoints());
        LoadedRules rules = new UnificationRulesLoader(YamlMappers.lenient()).load(rulesCandidates(env, workingDir, configDir));
        return new Configuration(loaded, profiles, rules, endpoints);
    }

    // Olla reads ./config/profiles; a profiles/ folder beside the config file is where people who pass -c put theirs.
    private static List<Path> profileFolders(Path workingDir, Path configDir) {
        List<Path> folders = new ArrayList<>();
        folders.add(workingDir.resolve("config/profiles").toAbsolutePath().normalize());
        folders.add(configDir.resolve("profiles").toAbsolutePath().normalize());
        return folders;
    }

    private static List<Path> rulesCandidates(Map<String, String> env, Path workingDir, Path configDir) {
        List<Path> candidates = new ArrayList<>();
        String dir = env.get("OLLA_CONFIG_DIR");
        if (dir != null && !dir.isBlank()) {
            candidates.add(Path.of(dir, "models.yaml"));
        }
        candidates.add(configDir.resolve("models.yaml"));
        for (String relative : List.of("models.yaml", "config/models.yaml", "config-base/models.yaml",
                "../config/models.yaml", "../../config/models.yaml")) {
            candidates.add(workingDir.resolve(relative));
        }
        return candidates;
    }

    public LoadedConfig config() {
        return config;
    }

    public LoadedProfiles profiles() {
        return profiles;
    }

    public LoadedRules rules() {
        return rules;
    }

    public List<Endpoint> endpoints() {
        return endpoints;
    }

    /** Endpoint id to its own {@code max_concurrent_requests}, for the endpoints that set one. */
    public java.util.Map<String, Integer> concurrencyOverrides() {
        return byEndpointId(EndpointConfig::maxConcurrentRequests);
    }

    /** Endpoint id to its own {@code cost_per_million_tokens}, for the endpoints that set one. */
    public java.util.Map<String, Double> costOverrides() {
        return byEndpointId(EndpointConfig::costPerMillionTokens);
    }

    private <T> java.util.Map<String, T> byEndpointId(java.util.function.Function<EndpointConfig, T> field) {
        var configs = config.config().discovery().staticDiscovery().endpoints();
        java.util.Map<String, T> values = new java.util.HashMap<>();
        // The mapper keeps configuration order, so the lists line up one to one.
        for (int i = 0; i < endpoints.size() && i < configs.size(); i++) {
            T value = field.apply(configs.get(i));
            if (value != null) {
                values.put(endpoints.get(i).id(), value);
            }
        }
        return java.util.Map.copyOf(values);
    }
}
