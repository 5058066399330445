package dev.sluice.adapters.http.in.tokens;

import dev.sluice.domain.profile.MetricsExtraction;
import java.util.List;
import java.util.Map;

/**
 * Where the common wire formats keep token figures, for answers whose profile says nothing (or a custom profile
 * that forgot): tried after the profile's own extraction, first match wins.
 */
final class BuiltInReadings {

    private BuiltInReadings() {
    }

    static final MetricsExtraction OLLAMA = extraction(Map.of(
            "input_tokens", "$.prompt_eval_count",
            "output_tokens", "$.eval_count",
            "eval_duration_ns", "$.eval_duration",
            "prompt_duration_ns", "$.prompt_eval_duration"), Map.of(
            "tokens_per_second", "eval_duration_ns > 0 ? output_tokens * 1000000000.0 / eval_duration_ns : 0",
            "ttft_ms", "prompt_duration_ns / 1000000.0"));

    static final MetricsExtraction LLAMA_CPP = extraction(Map.of(
            "input_tokens", "$.usage.prompt_tokens",
            "output_tokens", "$.usage.completion_tokens",
            "prompt_n", "$.timings.prompt_n",
            "predicted_n", "$.timings.predicted_n",
            "prompt_ms", "$.timings.prompt_ms",
            "predicted_ms", "$.timings.predicted_ms"), Map.of(
            "tokens_per_second", "predicted_ms > 0 ? predicted_n * 1000.0 / predicted_ms : 0",
            "ttft_ms", "prompt_ms"));

    static final MetricsExtraction OPENAI = extraction(Map.of(
            "input_tokens", "$.usage.prompt_tokens",
            "output_tokens", "$.usage.completion_tokens"), Map.of());

    // Anthropic: a whole message carries usage at the top; a stream's message_delta carries it too.
    static final MetricsExtraction ANTHROPIC = extraction(Map.of(
            "input_tokens", "$.usage.input_tokens",
            "output_tokens", "$.usage.output_tokens"), Map.of());

    static final List<MetricsExtraction> ALL = List.of(OLLAMA, LLAMA_CPP, OPENAI, ANTHROPIC);

    private static MetricsExtraction extraction(Map<String, String> paths, Map<String, String> calculations) {
        return new MetricsExtraction(true, "response_body", "json", paths, calculations);
    }
}
