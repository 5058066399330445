package dev.sluice.adapters.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sluice.adapters.config.schema.SluiceConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Loads Olla's own shipped config.yaml and models.yaml verbatim from ../shared/olla-config (present in CI and
 * developer checkouts, absent from a user's clone, where these tests skip) and proves every key maps.
 */
class OllaShippedConfigTest {

    private static final Path OLLA = Path.of("..", "..", "shared", "olla-config").toAbsolutePath().normalize();

    private static Path ollaFile(String name) {
        Path file = OLLA.resolve(name);
        assumeTrue(Files.exists(file), "skipped: " + file + " not present (no ../shared beside this clone)");
        return file;
    }

    @Test
    void ollasShippedConfigLoadsWithEveryKeyMapped() {
        Configuration configuration = Configuration.load(Optional.of(ollaFile("config.yaml")), Map.of(), OLLA);
        SluiceConfig c = configuration.config().config();

        assertThat(c.server().host()).isEqualTo("localhost");
        assertThat(c.server().port()).isEqualTo(40114);
        assertThat(c.server().readHeaderTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.server().requestLogging()).isTrue();
        assertThat(c.server().cors().allowedMethods()).containsExactly("GET", "POST", "OPTIONS");
        assertThat(c.server().requestLimits().maxBodySize()).isEqualTo(104_857_600L);
        assertThat(c.server().rateLimits().perEndpoint().defaultRequestsPerMinute()).isEqualTo(200);
        assertThat(c.server().rateLimits().trustedProxyCidrs()).hasSize(4);
        assertThat(c.proxy().engine()).isEqualTo("olla");
        assertThat(c.proxy().loadBalancer()).isEqualTo("least-connections");
        assertThat(c.proxy().responseTimeout()).isEqualTo(Duration.ofMinutes(15));
        assertThat(c.proxy().stickySessions().keySources()).containsExactly("session_header", "prefix_hash", "auth_header");
        assertThat(c.proxy().retry().enabled()).isTrue();
        assertThat(c.discovery().healthCheck().initialDelay()).isEqualTo(Duration.ofSeconds(1));
        assertThat(c.discovery().modelDiscovery().retryBackoff()).isEqualTo(Duration.ofSeconds(1));
        assertThat(c.modelRegistry().routingStrategy().options().fallbackBehavior()).isEqualTo("compatible_only");
        assertThat(c.translators().anthropic().maxMessageSize()).isEqualTo(10_485_760L);
        assertThat(c.translators().anthropic().inspector().sessionHeader()).isEqualTo("X-Session-ID");
        assertThat(c.dashboard().accessPolicy().allowedCidrs()).containsExactly("127.0.0.0/8", "::1/128");

        assertThat(configuration.endpoints()).extracting(e -> e.name())
                .containsExactly("local-ollama", "local-lm-studio", "local-vllm");
        assertThat(configuration.endpoints().get(1).profile().name()).isEqualTo("lm-studio");
        assertThat(configuration.endpoints().get(2).healthCheckUrl().toString()).isEqualTo("http://localhost:8000/health");
    }

    @Test
    void ollasShippedModelRulesParseAsOurs() {
        Path models = ollaFile("models.yaml");
        Configuration configuration = Configuration.load(Optional.of(ollaFile("config.yaml")), Map.of(), OLLA);
        assertThat(configuration.rules().source()).isEqualTo(models.toString());
        assertThat(configuration.rules().rules().familyPatterns()).isNotEmpty();
        assertThat(configuration.rules().rules().quantizationMappings()).containsEntry("Q4_K_M", "q4km");
    }

    @Test
    void ollasShippedProfilesLoadAsCustomProfiles() {
        Path profiles = ollaFile("profiles");
        var loaded = new dev.sluice.adapters.config.profile.ProfileLoader(YamlMappers.lenient())
                .load(java.util.List.of(profiles), java.util.List.of(), java.util.List.of());
        assertThat(loaded.customFiles()).hasSize(12);
        assertThat(loaded.warnings()).isEmpty();
        assertThat(loaded.catalog().forType("lmstudio")).get().extracting(p -> p.name()).isEqualTo("lm-studio");
        assertThat(loaded.catalog().forType("dmr")).isPresent();
    }
}
