package dev.sluice.adapters.config;

import dev.sluice.adapters.config.problem.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the config file as Olla does: the {@code -c} flag, then {@code OLLA_CONFIG_FILE}, then the first readable of
 * {@code config/config.local.yaml}, {@code config/config.yaml}, {@code config.yaml}, {@code default.yaml} in the
 * working directory. A file named explicitly must exist; finding none at all means built-in defaults.
 */
final class ConfigLocator {

    static final List<String> SEARCH_ORDER =
            List.of("config/config.local.yaml", "config/config.yaml", "config.yaml", "default.yaml");

    private ConfigLocator() {
    }

    static Optional<Path> locate(Optional<Path> explicit, Map<String, String> env, Path workingDir) {
        if (explicit.isPresent()) {
            return Optional.of(mustExist(explicit.get(), "the -c/--config option"));
        }
        String fromEnv = env.get("OLLA_CONFIG_FILE");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Optional.of(mustExist(workingDir.resolve(fromEnv.trim()), "OLLA_CONFIG_FILE"));
        }
        return SEARCH_ORDER.stream()
                .map(workingDir::resolve)
                .filter(p -> Files.isRegularFile(p) && Files.isReadable(p))
                .findFirst();
    }

    private static Path mustExist(Path file, String namedBy) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("config file " + file + " (named by " + namedBy + ") does not exist or is not "
                    + "a file: check the path, or leave it out to use config/config.yaml or the built-in defaults");
        }
        if (!Files.isReadable(file)) {
            throw new ConfigException("config file " + file + " is not readable: check its permissions");
        }
        return file;
    }
}
