package dev.sluice.domain.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.domain.endpoint.Endpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModelPatternsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "gpt-4o,                         openai-api",
            "gpt-3.5-turbo,                  openai-api",
            "o1-mini,                        openai-api",
            "text-embedding-3-small,         openai-api",
            "claude-3-5-sonnet-latest,       anthropic",
            "Claude-Sonnet-4-20250514,       anthropic",
            "gemini-2.5-flash,               gemini",
            "chat-bison,                     gemini",
            "anthropic.claude-3-haiku-20240307-v1:0, bedrock",
            "amazon.titan-text-express-v1,   bedrock",
            "meta.llama3-1-8b-instruct-v1:0, bedrock",
            "openai/gpt-4o,                  openrouter",
            "hf.co/bartowski/Llama-3.2-1B-Instruct-GGUF, ollama",
            "llama3.2:3b,                    ollama",
            "mistral:7b,                     ollama",
    })
    void theDefaultTableIsSeed004s(String model, String provider) {
        assertThat(ModelPatterns.DEFAULTS.match(model)).hasValueSatisfying(
                p -> assertThat(p.providers().get(0)).isEqualTo(provider));
    }

    @Test
    void firstMatchWins() {
        ModelPatterns patterns = new ModelPatterns(java.util.List.of(new ModelPattern("gpt-4o*", "azure"),
                new ModelPattern("gpt-*", "openai-api")));
        assertThat(patterns.match("gpt-4o-mini").orElseThrow().providers()).containsExactly("azure");
        assertThat(patterns.match("gpt-3.5-turbo").orElseThrow().providers()).containsExactly("openai-api");
        assertThat(patterns.match("llama3")).isEmpty();
    }

    @Test
    void providersAreTypesNamesOrLocalInPreferenceOrder() {
        Endpoint openai = RoutingTestEndpoints.hosted("openai", "openai-api");
        Endpoint azure = RoutingTestEndpoints.hosted("azure-east", "azure-openai");
        Endpoint ollama = RoutingTestEndpoints.local("gpu-box", "ollama");
        Endpoint vllm = RoutingTestEndpoints.local("vllm-1", "vllm");
        ModelPattern gpt = new ModelPattern("gpt-*", "openai-api", "azure-east");
        assertThat(gpt.preference(openai)).isZero();
        assertThat(gpt.preference(azure)).isEqualTo(1);
        assertThat(gpt.preference(ollama)).isEqualTo(2);
        assertThat(gpt.servedBy(ollama)).isFalse();
        ModelPattern local = new ModelPattern("*", "ollama", ModelPattern.LOCAL);
        assertThat(local.preference(ollama)).isZero();
        assertThat(local.preference(vllm)).isEqualTo(1);
        assertThat(local.servedBy(openai)).isFalse();
    }
}
