package dev.sluice.domain.routing;

import java.util.List;
import java.util.Optional;

/**
 * The model-pattern table ({@code proxy.routing.model_patterns}): which provider a model's name belongs to, first
 * match wins. The defaults are seed 004's table, written for the endpoint types Sluice knows.
 */
public record ModelPatterns(List<ModelPattern> patterns) {

    /** Seed 004's routing table; unknown names last, to local servers (Ollama first). */
    public static final ModelPatterns DEFAULTS = new ModelPatterns(List.of(
            new ModelPattern("gpt-*", "openai-api", "azure-openai"),
            new ModelPattern("chatgpt-*", "openai-api"),
            new ModelPattern("o1*", "openai-api", "azure-openai"),
            new ModelPattern("o3*", "openai-api", "azure-openai"),
            new ModelPattern("o4-*", "openai-api", "azure-openai"),
            new ModelPattern("text-embedding-*", "openai-api", "azure-openai"),
            new ModelPattern("claude-*", "anthropic"),
            new ModelPattern("gemini*", "gemini"),
            new ModelPattern("palm*", "gemini"),
            new ModelPattern("*bison*", "gemini"),
            new ModelPattern("anthropic.claude*", "bedrock"),
            new ModelPattern("amazon.titan*", "bedrock"),
            new ModelPattern("amazon.nova*", "bedrock"),
            new ModelPattern("meta.llama*", "bedrock"),
            new ModelPattern("mistral.*", "bedrock"),
            new ModelPattern("cohere.*", "bedrock"),
            // Ollama pulls Hugging Face GGUFs under their hf.co/ path; OpenRouter names every model vendor/model.
            new ModelPattern("hf.co/*", "ollama", ModelPattern.LOCAL),
            new ModelPattern("*/*", "openrouter"),
            new ModelPattern("*", "ollama", ModelPattern.LOCAL)));

    public ModelPatterns {
        patterns = List.copyOf(patterns);
    }

    /** The first pattern the model's name matches. */
    public Optional<ModelPattern> match(String model) {
        for (ModelPattern pattern : patterns) {
            if (pattern.matches(model)) {
                return Optional.of(pattern);
            }
        }
        return Optional.empty();
    }
}
