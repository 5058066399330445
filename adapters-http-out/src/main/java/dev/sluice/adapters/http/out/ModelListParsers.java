package dev.sluice.adapters.http.out;

import java.util.Locale;
import java.util.Map;

/**
 * Picks the parser for a profile's {@code response_format}. Unknown formats (litellm, omlx, a user's own
 * profile) get the OpenAI parser: almost every server lists models that way, and the OpenAI parser is the most
 * forgiving about shape.
 */
final class ModelListParsers {

    private final Map<String, ModelListParser> byFormat;
    private final ModelListParser fallback;

    private ModelListParsers(Map<String, ModelListParser> byFormat, ModelListParser fallback) {
        this.byFormat = Map.copyOf(byFormat);
        this.fallback = fallback;
    }

    /** Every format Olla's shipped profiles name, under their spellings in profiles and endpoint types. */
    static ModelListParsers standard() {
        ModelListParser openAi = new OpenAiModelListParser();
        ModelListParser vllm = new VllmModelListParser();
        ModelListParser lmStudio = new LmStudioModelListParser();
        ModelListParser llamaCpp = new LlamaCppModelListParser();
        ModelListParser dmr = new DockerModelRunnerModelListParser();
        return new ModelListParsers(Map.ofEntries(
                Map.entry("ollama", new OllamaModelListParser()),
                Map.entry("lmstudio", lmStudio),
                Map.entry("lm-studio", lmStudio),
                Map.entry("openai", openAi),
                Map.entry("openai-compatible", openAi),
                Map.entry("vllm", vllm),
                Map.entry("vllm-mlx", vllm),
                Map.entry("sglang", vllm),
                Map.entry("lmdeploy", vllm),
                Map.entry("llamacpp", llamaCpp),
                Map.entry("llama.cpp", llamaCpp),
                Map.entry("lemonade", new LemonadeModelListParser()),
                Map.entry("docker-model-runner", dmr),
                Map.entry("dmr", dmr),
                Map.entry("anthropic", new AnthropicModelListParser()),
                Map.entry("gemini", new GeminiModelListParser()),
                Map.entry("bedrock", new BedrockModelListParser())), openAi);
    }

    /** The parser for {@code responseFormat} (case and surrounding space ignored); never null. */
    ModelListParser forFormat(String responseFormat) {
        String key = responseFormat == null ? "" : responseFormat.trim().toLowerCase(Locale.ROOT);
        return byFormat.getOrDefault(key, fallback);
    }
}
