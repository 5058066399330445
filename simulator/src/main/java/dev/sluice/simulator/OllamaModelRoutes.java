package dev.sluice.simulator;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Ollama's two model listings: everything pulled ({@code /api/tags}) and what is in memory ({@code /api/ps}).
 * Both share the {@code details} object, which is where a proxy reads family, size and quantisation.
 */
final class OllamaModelRoutes {

    /** How long Ollama keeps an idle model loaded by default; {@code expires_at} counts down from it. */
    private static final Duration KEEP_ALIVE = Duration.ofMinutes(5);

    private OllamaModelRoutes() {
    }

    static void tags(Exchange exchange) {
        List<Tag> tags = exchange.models().stream()
                .map(model -> new Tag(model.name(), model.name(), GoTime.modifiedAt(model), model.sizeBytes(),
                        model.digest(), Details.of(model)))
                .collect(Collectors.toList());
        exchange.json(200, new Listing<>(tags));
    }

    static void running(Exchange exchange) {
        String expiresAt = GoTime.format(exchange.now().plus(KEEP_ALIVE));
        List<Running> running = exchange.models().stream()
                .filter(SimulatedModel::loaded)
                .map(model -> new Running(model.name(), model.name(), model.sizeBytes(), model.digest(),
                        Details.of(model), expiresAt, model.sizeBytes(), model.contextLength()))
                .collect(Collectors.toList());
        exchange.json(200, new Listing<>(running));
    }

    record Listing<T>(List<T> models) {
    }

    record Tag(String name, String model, String modifiedAt, long size, String digest, Details details) {
    }

    record Running(String name, String model, long size, String digest, Details details, String expiresAt,
                   long sizeVram, int contextLength) {
    }

    record Details(String parentModel, String format, String family, List<String> families, String parameterSize,
                   String quantizationLevel) {

        static Details of(SimulatedModel model) {
            return new Details("", "gguf", model.family(), List.of(model.family()), model.parameterSize(),
                    model.quantization());
        }
    }
}
