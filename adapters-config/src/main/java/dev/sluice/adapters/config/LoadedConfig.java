package dev.sluice.adapters.config;

import dev.sluice.adapters.config.schema.SluiceConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A config that parsed and validated, and where it came from.
 *
 * @param file             the file read; empty when none was found and the built-in defaults apply
 * @param envOverrides     the {@code OLLA_*} variables that changed it
 * @param deprecationNotes keys that still work but that the operator should change, one line each
 */
public record LoadedConfig(Optional<Path> file, SluiceConfig config, List<String> envOverrides,
                           List<String> deprecationNotes) {

    public LoadedConfig {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(config, "config");
        envOverrides = List.copyOf(envOverrides);
        deprecationNotes = List.copyOf(deprecationNotes);
    }

    /** For messages: the file's path, or a phrase saying there was none. */
    public String sourceName() {
        return file.map(Path::toString).orElse("(built-in defaults)");
    }
}
