package dev.sluice.bootstrap;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The command line: {@code -c/--config FILE}, {@code --validate-config}, {@code --version}, {@code --help}.
 * Small enough that a parsing library would be more code to configure than this.
 */
record Cli(Optional<Path> config, boolean validateOnly, boolean version, boolean help) {

    static final String USAGE = String.join(System.lineSeparator(),
            "Usage: java -jar bootstrap.jar [options]",
            "",
            "Sluice: an LLM proxy and load balancer, drop-in compatible with Olla's config.",
            "",
            "Options:",
            "  -c, --config FILE     config file to use (default: $OLLA_CONFIG_FILE, then config/config.local.yaml,",
            "                        config/config.yaml, config.yaml, default.yaml; built-in defaults if none)",
            "      --validate-config check config, profiles and models.yaml, print the result, and exit (0 = valid)",
            "      --version         print the version and exit",
            "  -h, --help            print this help and exit",
            "",
            "Environment: OLLA_* variables override config keys (e.g. OLLA_SERVER_PORT, OLLA_LOGGING_LEVEL).");

    static Cli parse(String... args) {
        Optional<Path> config = Optional.empty();
        boolean validate = false;
        boolean version = false;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("-c") || arg.equals("--config")) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(arg + " needs a file: " + arg + " config.yaml");
                }
                config = Optional.of(Path.of(args[++i]));
            } else if (arg.startsWith("--config=")) {
                config = Optional.of(Path.of(arg.substring("--config=".length())));
            } else if (arg.equals("--validate-config")) {
                validate = true;
            } else if (arg.equals("--version") || arg.equals("-v")) {
                version = true;
            } else if (arg.equals("--help") || arg.equals("-h")) {
                help = true;
            } else {
                throw new IllegalArgumentException("unknown option '" + arg + "' (see --help)");
            }
        }
        return new Cli(config, validate, version, help);
    }
}
