package dev.sluice.adapters.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.adapters.config.problem.ConfigException;
import dev.sluice.adapters.config.schema.ModelPatternConfig;
import dev.sluice.adapters.config.schema.RoutingConfig;
import dev.sluice.adapters.config.schema.SluiceConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code proxy.routing} and the strategies {@code proxy.load_balancer} may name. */
class RoutingConfigTest {

    private static final String ENDPOINTS = """
            discovery:
              static:
                endpoints:
                  - url: http://localhost:11434
                    name: gpu-box
                    type: ollama
            """;

    @TempDir
    Path dir;

    private SluiceConfig load(String yaml) throws IOException {
        Path file = Files.writeString(dir.resolve("config.yaml"), yaml + ENDPOINTS);
        return Configuration.load(Optional.of(file), Map.of(), dir).config().config();
    }

    private Configuration loadEnv(String dotEnv, Map<String, String> processEnv) throws IOException {
        if (dotEnv != null) {
            Files.writeString(dir.resolve(".env"), dotEnv);
        }
        return Configuration.load(Optional.empty(), processEnv, dir);
    }

    @Test
    void defaultsLeaveOllasBalancerAndSeed004sPatterns() throws IOException {
        SluiceConfig c = load("");
        assertThat(c.proxy().loadBalancer()).isEqualTo("least-connections");
        RoutingConfig r = c.proxy().routing();
        assertThat(r.tieBreaker()).isEqualTo("priority");
        assertThat(r.whenNoneFit()).isEqualTo("reject");
        assertThat(r.modelPatterns()).as("null keeps the built-in table").isNull();
        assertThat(r.byRoute()).isEmpty();
        assertThat(r.byModel()).isEmpty();
    }

    @Test
    void mapsEveryField() throws IOException {
        SluiceConfig c = load("""
                proxy:
                  load_balancer: capability-based
                  routing:
                    tie_breaker: least-connections
                    when_none_fit: forward
                    model_patterns:
                      - pattern: "claude-*"
                        providers: [anthropic]
                      - pattern: "*"
                        providers: [gpu-box, local]
                    by_route:
                      openai: fastest-response
                      /olla/anthropic/: model-based
                    by_model:
                      "llama*": round-robin
                      "*": cost-optimized
                """);
        assertThat(c.proxy().loadBalancer()).isEqualTo("capability-based");
        RoutingConfig r = c.proxy().routing();
        assertThat(r.tieBreaker()).isEqualTo("least-connections");
        assertThat(r.whenNoneFit()).isEqualTo("forward");
        assertThat(r.modelPatterns()).containsExactly(new ModelPatternConfig("claude-*", List.of("anthropic")),
                new ModelPatternConfig("*", List.of("gpu-box", "local")));
        assertThat(r.byRoute()).containsExactly(Map.entry("openai", "fastest-response"),
                Map.entry("/olla/anthropic/", "model-based"));
        assertThat(r.byModel().keySet()).as("file order: first match wins").containsExactly("llama*", "*");
    }

    @Test
    void theEnvironmentOverridesTheTieBreakerAndWhatHappensWhenNoneFits() throws IOException {
        Path file = Files.writeString(dir.resolve("config.yaml"), "proxy:\n  load_balancer: capability-based\n" + ENDPOINTS);
        RoutingConfig r = Configuration.load(Optional.of(file), Map.of("OLLA_PROXY_ROUTING_TIE_BREAKER", "round-robin",
                "OLLA_PROXY_ROUTING_WHEN_NONE_FIT", "forward"), dir).config().config().proxy().routing();
        assertThat(r.tieBreaker()).isEqualTo("round-robin");
        assertThat(r.whenNoneFit()).isEqualTo("forward");
    }

    @Test
    void hostedProfilesWithAFixedCatalogueCallTheirCapabilityPatternsComplete_localOnesDoNot() throws IOException {
        Path file = Files.writeString(dir.resolve("config.yaml"), ENDPOINTS);
        var profiles = Configuration.load(Optional.of(file), Map.of(), dir).profiles().catalog();
        assertThat(profiles.forType("openai-api").orElseThrow().completeCapabilities())
                .containsExactlyInAnyOrder("tools", "vision", "embeddings");
        assertThat(profiles.forType("openai-api").orElseThrow().capabilitiesOf("o1-mini")).doesNotContain("tools");
        assertThat(profiles.forType("anthropic").orElseThrow().capabilitiesOf("claude-sonnet-4-20250514"))
                .contains("tools", "vision");
        assertThat(profiles.forType("ollama").orElseThrow().completeCapabilities()).isEmpty();
        assertThat(profiles.forType("openai").orElseThrow().completeCapabilities()).isEmpty();
    }

    @Nested
    class Rejected {

        @Test
        void anUnknownKeyUnderRouting() {
            assertThatThrownBy(() -> load("proxy:\n  routing:\n    tie_braker: priority\n"))
                    .isInstanceOf(ConfigException.class).hasMessageContaining("tie_braker");
        }

        @Test
        void anUnknownKeyInAModelPattern() {
            assertThatThrownBy(() -> load("proxy:\n  routing:\n    model_patterns:\n      - pattern: \"gpt-*\"\n"
                    + "        provider: [openai-api]\n"))
                    .isInstanceOf(ConfigException.class).hasMessageContaining("provider");
        }

        @Test
        void anUnknownStrategyOrTieBreaker() {
            assertThatThrownBy(() -> load("proxy:\n  load_balancer: capability_based\n"))
                    .hasMessageContaining("proxy.load_balancer").hasMessageContaining("capability-based");
            assertThatThrownBy(() -> load("proxy:\n  routing:\n    tie_breaker: model-based\n"))
                    .hasMessageContaining("proxy.routing.tie_breaker");
            assertThatThrownBy(() -> load("proxy:\n  routing:\n    when_none_fit: maybe\n"))
                    .hasMessageContaining("proxy.routing.when_none_fit");
        }

        @Test
        void anOverrideForARouteThatDoesNotExistOrNamingNoStrategy() {
            assertThatThrownBy(() -> load("proxy:\n  routing:\n    by_route:\n      /olla/nowhere: priority\n"))
                    .hasMessageContaining("proxy.routing.by_route./olla/nowhere").hasMessageContaining("is not a route");
            assertThatThrownBy(() -> load("proxy:\n  routing:\n    by_model:\n      \"llama*\": fastest\n"))
                    .hasMessageContaining("proxy.routing.by_model.llama*");
        }

        @Test
        void aPatternWithNoProvidersOrAProviderNobodyIs() {
            assertThatThrownBy(() -> load("proxy:\n  routing:\n    model_patterns:\n      - pattern: \"claude-*\"\n"
                    + "        providers: [anthropix]\n"))
                    .hasMessageContaining("proxy.routing.model_patterns[0].providers")
                    .hasMessageContaining("'anthropix'");
            assertThatThrownBy(() -> load("proxy:\n  routing:\n    model_patterns:\n      - pattern: \"claude-*\"\n"))
                    .hasMessageContaining("proxy.routing.model_patterns[0].providers").hasMessageContaining("is empty");
        }
    }

    @Nested
    class Seed004 {

        @Test
        void routingStrategySelectsTheRealStrategies() throws IOException {
            assertThat(loadEnv("OLLAMA_BASE_URL=http://127.0.0.1:11434\nROUTING_STRATEGY=capability_based\n", Map.of())
                    .config().config().proxy().loadBalancer()).isEqualTo("capability-based");
            assertThat(loadEnv("ROUTING_STRATEGY=model_based\n", Map.of()).config().config().proxy().loadBalancer())
                    .isEqualTo("model-based");
        }

        @Test
        void enableLoadBalancingPicksTheTieBreakerOfAPreferringStrategy() throws IOException {
            SluiceConfig off = loadEnv("ROUTING_STRATEGY=model_based\nENABLE_LOAD_BALANCING=false\n", Map.of())
                    .config().config();
            assertThat(off.proxy().loadBalancer()).isEqualTo("model-based");
            assertThat(off.proxy().routing().tieBreaker()).isEqualTo("priority");
            SluiceConfig on = loadEnv("ROUTING_STRATEGY=capability_based\nENABLE_LOAD_BALANCING=true\n", Map.of())
                    .config().config();
            assertThat(on.proxy().routing().tieBreaker()).isEqualTo("least-connections");
        }

        @Test
        void aSeedEnvFileWithoutRoutingStrategyGetsSeed004sDefault() throws IOException {
            Configuration c = loadEnv("OPENAI_API_KEY=sk-test\n", Map.of());
            assertThat(c.config().config().proxy().loadBalancer()).isEqualTo("capability-based");
            assertThat(c.config().deprecationNotes()).anyMatch(n -> n.contains("seed 004's default"));
        }

        @Test
        void aShellThatMerelyExportsAKeyKeepsOurDefault() throws IOException {
            assertThat(loadEnv(null, Map.of("OPENAI_API_KEY", "sk-test")).config().config().proxy().loadBalancer())
                    .isEqualTo("least-connections");
        }
    }
}
