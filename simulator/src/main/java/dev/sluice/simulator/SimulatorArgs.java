package dev.sluice.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The command line, parsed. Kept apart from {@link SimulatorMain} so every rule about arguments is testable
 * without starting a server or exiting a JVM.
 *
 * @param kind   the platform to impersonate
 * @param port   where to listen; the platform's usual port unless given
 * @param models model names, empty for the platform's defaults
 * @param name   a label for logs
 * @param chat   how simulated completions are chunked and paced
 * @param help   whether usage was asked for (nothing else is then required)
 */
record SimulatorArgs(BackendKind kind, int port, List<String> models, String name, ChatScript chat, boolean help) {

    static final String USAGE = String.join("\n",
            "Usage: java -jar simulator.jar --kind KIND [--port PORT] [--models NAME,NAME...] [--name LABEL]",
            "                               [--chunks N] [--chunk-delay-ms MS]",
            "",
            "Starts a simulated LLM backend on 127.0.0.1 that answers health checks and model discovery",
            "exactly like the real platform. Stop it with Ctrl-C.",
            "",
            "  --kind KIND      one of: " + BackendKind.cliNames(),
            "  --port PORT      port to listen on, 0 for any free port (default: the platform's usual port)",
            "  --models LIST    comma-separated model names (default: typical models of the platform)",
            "  --name LABEL     a label for log lines (default: the kind)",
            "  --chunks N       content chunks per simulated chat completion (default: 5)",
            "  --chunk-delay-ms MS  pause between streamed chunks (default: 0)",
            "  --help           show this text",
            "",
            "Example: java -jar simulator.jar --kind ollama --port 11434 --models llama3.2:3b,qwen2.5-coder:7b");

    SimulatorArgs {
        models = List.copyOf(models);
    }

    /** Thrown for arguments a user must fix; its message says what is wrong in their words. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    static SimulatorArgs parse(String... args) throws UsageException {
        BackendKind kind = null;
        Integer port = null;
        List<String> models = List.of();
        String name = null;
        int chunks = ChatScript.defaults().chunks();
        long chunkDelayMillis = 0;
        // Help wins wherever it appears: someone adding --help to a failing command wants the usage, not the error.
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            return new SimulatorArgs(null, 0, List.of(), null, ChatScript.defaults(), true);
        }
        List<String> queue = new ArrayList<>(Arrays.asList(args));
        while (!queue.isEmpty()) {
            String option = queue.remove(0);
            // Accept both "--port 8080" and "--port=8080", as most CLIs do.
            int equals = option.indexOf('=');
            String value = equals > 0 ? option.substring(equals + 1) : null;
            String flag = equals > 0 ? option.substring(0, equals) : option;
            switch (flag) {
                case "--kind":
                    kind = parseKind(valueOf(flag, value, queue));
                    break;
                case "--port":
                    port = parsePort(valueOf(flag, value, queue));
                    break;
                case "--models":
                    models = parseModels(valueOf(flag, value, queue));
                    break;
                case "--name":
                    name = valueOf(flag, value, queue);
                    break;
                case "--chunks":
                    chunks = (int) parseNumber(flag, valueOf(flag, value, queue), 1, 100_000);
                    break;
                case "--chunk-delay-ms":
                    chunkDelayMillis = parseNumber(flag, valueOf(flag, value, queue), 0, 600_000);
                    break;
                default:
                    throw new UsageException("unknown option '" + option + "'");
            }
        }
        if (kind == null) {
            throw new UsageException("--kind is required");
        }
        ChatScript chat = new ChatScript(chunks, Duration.ofMillis(chunkDelayMillis));
        return new SimulatorArgs(kind, port == null ? kind.defaultPort() : port, models, name, chat, false);
    }

    private static String valueOf(String flag, String inline, List<String> queue) throws UsageException {
        if (inline != null) {
            return inline;
        }
        if (queue.isEmpty() || queue.get(0).startsWith("--")) {
            throw new UsageException(flag + " needs a value");
        }
        return queue.remove(0);
    }

    private static BackendKind parseKind(String value) throws UsageException {
        try {
            return BackendKind.fromCliName(value);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static int parsePort(String value) throws UsageException {
        return (int) parseNumber("--port", value, 0, 65_535);
    }

    private static long parseNumber(String flag, String value, long min, long max) throws UsageException {
        try {
            long number = Long.parseLong(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // Reported below with the same message as an out-of-range number.
        }
        throw new UsageException(flag + " must be a number from " + min + " to " + max + ", not '" + value + "'");
    }

    private static List<String> parseModels(String value) throws UsageException {
        List<String> names = Arrays.stream(value.split(",")).map(String::trim).filter(name -> !name.isEmpty())
                .collect(Collectors.toList());
        if (names.isEmpty()) {
            throw new UsageException("--models needs at least one model name");
        }
        return names;
    }
}
