package dev.sluice.domain.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProviderTraitsTest {

    private static ProviderTraits rewriting(Map<String, String> rules) {
        return new ProviderTraits(Optional.empty(), Optional.empty(), Map.of(), Optional.empty(), false,
                Optional.empty(), Optional.empty(), rules, false);
    }

    @Test
    void geminisOpenAiSurfaceLivesUnderV1betaOpenai() {
        ProviderTraits gemini = rewriting(Map.of("/v1/", "/v1beta/openai/"));
        assertThat(gemini.rewrite("/v1/chat/completions")).isEqualTo("/v1beta/openai/chat/completions");
        assertThat(gemini.rewrite("/v1/embeddings")).isEqualTo("/v1beta/openai/embeddings");
    }

    @Test
    void pathsNoRuleMatchesAreUnchanged() {
        assertThat(rewriting(Map.of("/v1/", "/v1beta/openai/")).rewrite("/api/tags")).isEqualTo("/api/tags");
        assertThat(ProviderTraits.NONE.rewrite("/v1/chat/completions")).isEqualTo("/v1/chat/completions");
    }

    @Test
    void theFirstMatchingRuleWinsInFileOrder() {
        Map<String, String> rules = new LinkedHashMap<>();
        rules.put("/v1/models", "/models");
        rules.put("/v1/", "/v2/");
        assertThat(rewriting(rules).rewrite("/v1/models")).isEqualTo("/models");
        assertThat(rewriting(rules).rewrite("/v1/chat")).isEqualTo("/v2/chat");
    }
}
