package dev.sluice.adapters.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.adapters.config.problem.ConfigException;
import dev.sluice.adapters.config.schema.SluiceConfig;
import dev.sluice.domain.endpoint.Endpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Seed 004's variables and .env file mapped onto our configuration. */
class ProviderEnvTest {

    @TempDir
    Path dir;

    private Configuration load(String dotEnv, Map<String, String> processEnv) throws Exception {
        if (dotEnv != null) {
            Files.writeString(dir.resolve(".env"), dotEnv);
        }
        return Configuration.load(Optional.empty(), processEnv, dir);
    }

    private static Map<String, Endpoint> byName(Configuration c) {
        return c.endpoints().stream().collect(Collectors.toMap(Endpoint::name, Function.identity()));
    }

    @Test
    void theSeedsFullEnvFileBecomesEndpointsAndSettings() throws Exception {
        Configuration c = load("""
                # Basic settings
                HOST=127.0.0.1
                PORT=11500
                ENVIRONMENT=production
                LOG_LEVEL=debug
                ROUTING_STRATEGY=round_robin # comment
                FALLBACK_STRATEGY=retry_same
                ENABLE_LOAD_BALANCING=true
                HEALTH_CHECK_INTERVAL=60
                OPENROUTER_ENABLED=true
                OPENROUTER_API_KEY=sk-or-1
                OPENROUTER_TIMEOUT=300
                OPENROUTER_PRIORITY=1
                OPENAI_ENABLED=true
                OPENAI_API_KEY="sk-openai"
                OPENAI_PRIORITY=2
                OPENAI_MAX_CONCURRENT_REQUESTS=50
                ANTHROPIC_API_KEY=sk-ant
                GOOGLE_ENABLED=true
                GOOGLE_API_KEY=AIza
                GOOGLE_BASE_URL=https://generativelanguage.googleapis.com/v1beta
                AZURE_ENABLED=false
                AWS_BEDROCK_ENABLED=true
                AWS_BEDROCK_ACCESS_KEY=AKIDEXAMPLE
                AWS_BEDROCK_SECRET_KEY=secret
                AWS_BEDROCK_REGION=eu-west-1
                export OLLAMA_BASE_URL=http://127.0.0.1:11434
                OLLAMA_PRIORITY=7
                MAX_QUEUE_SIZE=1000
                MAX_CONCURRENT_REQUESTS=100
                ENABLE_PRIORITIZATION=true
                """, Map.of());
        SluiceConfig config = c.config().config();
        assertThat(config.server().host()).isEqualTo("127.0.0.1");
        assertThat(config.server().port()).isEqualTo(11500);
        assertThat(config.logging().level()).isEqualTo("debug");
        assertThat(config.proxy().loadBalancer()).isEqualTo("round-robin");
        assertThat(config.proxy().fallback().strategy()).isEqualTo("retry_same");
        assertThat(config.proxy().queue().maxSize()).isEqualTo(1000);
        assertThat(config.proxy().queue().prioritization()).isTrue();
        assertThat(config.proxy().responseTimeout()).isEqualTo(Duration.ofSeconds(300));

        Map<String, Endpoint> endpoints = byName(c);
        assertThat(endpoints).containsOnlyKeys("openrouter", "openai", "anthropic", "google", "aws-bedrock", "ollama");
        assertThat(endpoints.get("openai").type()).isEqualTo("openai-api");
        assertThat(endpoints.get("openai").outboundHeaders()).containsEntry("Authorization", "Bearer sk-openai");
        assertThat(endpoints.get("openrouter").priority()).as("seed priority 1 is tried first").isEqualTo(99);
        assertThat(endpoints.get("ollama").priority()).isEqualTo(93);
        assertThat(endpoints.get("google").url().toString()).isEqualTo("https://generativelanguage.googleapis.com");
        assertThat(endpoints.get("aws-bedrock").url().toString()).isEqualTo("https://bedrock.eu-west-1.amazonaws.com");
        assertThat(endpoints.get("ollama").checkInterval()).isEqualTo(Duration.ofSeconds(60));
        assertThat(c.concurrencyOverrides()).containsEntry(endpoints.get("openai").id(), 50)
                .containsEntry(endpoints.get("ollama").id(), 100);
    }

    @Test
    void theProcessEnvironmentWinsOverTheFileAndOllaVariablesWinOverSeedNames() throws Exception {
        Configuration c = load("OPENAI_API_KEY=sk-file\nFALLBACK_STRATEGY=none\nROUTING_STRATEGY=least_loaded\n",
                Map.of("OPENAI_API_KEY", "sk-process", "OLLA_PROXY_FALLBACK_STRATEGY", "best_alternative"));
        assertThat(byName(c).get("openai").outboundHeaders()).containsEntry("Authorization", "Bearer sk-process");
        assertThat(c.config().config().proxy().fallback().strategy()).isEqualTo("best_alternative");
        assertThat(c.config().config().proxy().loadBalancer()).isEqualTo("least-connections");
    }

    @Test
    void hostAndPortComeOnlyFromTheFileNotFromAShell() throws Exception {
        Configuration c = load(null, Map.of("HOST", "my-laptop", "PORT", "3000"));
        assertThat(c.config().config().server().port()).isNotEqualTo(3000);
        assertThat(c.config().config().server().host()).isNotEqualTo("my-laptop");
    }

    @Test
    void aMisspeltVariableIsReportedWithWhatItProbablyMeant() throws Exception {
        Configuration c = load(null, Map.of("OPENAI_API_KEYS", "sk", "OLLAMA_HOST", "0.0.0.0", "ENABLE_PRIORITISATION",
                "true"));
        assertThat(c.config().deprecationNotes())
                .contains("environment variable OPENAI_API_KEYS is not one Sluice reads: did you mean OPENAI_API_KEY?")
                .contains("environment variable ENABLE_PRIORITISATION is not one Sluice reads: did you mean "
                        + "ENABLE_PRIORITIZATION?")
                .noneMatch(n -> n.contains("OLLAMA_HOST"));
    }

    @Test
    void withoutProviderVariablesTheDefaultLocalOllamaRemains() throws Exception {
        assertThat(byName(load("FALLBACK_STRATEGY=none\n", Map.of()))).containsOnlyKeys("localhost");
    }

    @Test
    void badValuesAreClearErrors() throws Exception {
        assertThatThrownBy(() -> load("ROUTING_STRATEGY=random\n", Map.of())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("ROUTING_STRATEGY='random'");
        Files.writeString(dir.resolve(".env"), "AZURE_ENABLED=true\n");
        assertThatThrownBy(() -> Configuration.load(Optional.empty(), Map.of(), dir))
                .hasMessageContaining("AZURE_BASE_URL is required");
        Files.writeString(dir.resolve(".env"), "FALLBACK_STRATEGY=sometimes\n");
        assertThatThrownBy(() -> Configuration.load(Optional.empty(), Map.of(), dir))
                .hasMessageContaining("proxy.fallback.strategy");
    }
}
