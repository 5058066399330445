package dev.sluice.adapters.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.adapters.config.problem.ConfigException;
import dev.sluice.domain.endpoint.Endpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigurationTest {

    @TempDir
    Path dir;

    private Configuration load(String yaml) throws IOException {
        return load(yaml, Map.of());
    }

    private Configuration load(String yaml, Map<String, String> env) throws IOException {
        Path file = dir.resolve("config.yaml");
        Files.writeString(file, yaml);
        return Configuration.load(Optional.of(file), env, dir);
    }

    private static String endpoints(String... lines) {
        return "discovery:\n  static:\n    endpoints:\n" + String.join("\n", lines) + "\n";
    }

    @Nested
    class WithoutAFile {

        @Test
        void builtInDefaultsGiveOneLocalOllama() {
            Configuration c = Configuration.load(Optional.empty(), Map.of(), dir);
            assertThat(c.config().file()).isEmpty();
            assertThat(c.config().config().server().port()).isEqualTo(40114);
            assertThat(c.endpoints()).singleElement().satisfies(e -> {
                assertThat(e.url().toString()).isEqualTo("http://localhost:11434");
                assertThat(e.profile().name()).isEqualTo("ollama");
                assertThat(e.healthCheckUrl().toString()).isEqualTo("http://localhost:11434/");
                assertThat(e.modelUrl().toString()).isEqualTo("http://localhost:11434/api/tags");
            });
            assertThat(c.rules().source()).isEqualTo("built-in");
        }

        @Test
        void refreshIntervalIsAcceptedAndSaidToDoNothing() throws IOException {
            Files.writeString(dir.resolve("config.yaml"), "discovery:\n  refresh_interval: 30s\n");
            Configuration c = Configuration.load(Optional.empty(), Map.of(), dir);
            assertThat(c.config().deprecationNotes()).anySatisfy(note -> assertThat(note)
                    .startsWith("'discovery.refresh_interval' has no effect").contains("restart"));
        }

        @Test
        void findsConfigYamlInTheConfigFolderFirst() throws IOException {
            Files.createDirectories(dir.resolve("config"));
            Files.writeString(dir.resolve("config/config.yaml"), "server:\n  port: 41000\n");
            Files.writeString(dir.resolve("config.yaml"), "server:\n  port: 42000\n");
            Configuration c = Configuration.load(Optional.empty(), Map.of(), dir);
            assertThat(c.config().config().server().port()).isEqualTo(41000);
        }

        @Test
        void ollaConfigFileVariableNamesTheFile() throws IOException {
            Files.writeString(dir.resolve("mine.yaml"), "server:\n  port: 43000\n");
            Configuration c = Configuration.load(Optional.empty(), Map.of("OLLA_CONFIG_FILE", "mine.yaml"), dir);
            assertThat(c.config().config().server().port()).isEqualTo(43000);
        }

        @Test
        void aMissingExplicitFileIsAnError() {
            assertThatThrownBy(() -> Configuration.load(Optional.of(dir.resolve("nope.yaml")), Map.of(), dir))
                    .isInstanceOf(ConfigException.class).hasMessageContaining("nope.yaml").hasMessageContaining("-c/--config");
        }
    }

    @Nested
    class StrictKeys {

        @Test
        void aMisspeltKeyNamesFileLineKeyAndTheLikelyFix() {
            assertThatThrownBy(() -> load("server:\n  host: localhost\n  prot: 8080\n"))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("config.yaml:3:")
                    .hasMessageContaining("unknown key 'server.prot'")
                    .hasMessageContaining("did you mean 'port'?");
        }

        @Test
        void aMisspeltEndpointKeyNamesItsIndex() {
            assertThatThrownBy(() -> load(endpoints("      - url: http://a:1", "        typ: ollama")))
                    .hasMessageContaining("discovery.static.endpoints[0].typ").hasMessageContaining("did you mean 'type'?");
        }

        @Test
        void ollasOldSchemaFromItsIssue37IsRejectedNotIgnored() {
            assertThatThrownBy(() -> load("discovery:\n  endpoints:\n    - url: http://x:1\n      platform: ollama\n"))
                    .hasMessageContaining("unknown key 'discovery.endpoints'");
        }

        @Test
        void malformedYamlNamesTheLine() {
            assertThatThrownBy(() -> load("server:\n  port: [1,\n"))
                    .isInstanceOf(ConfigException.class).hasMessageContaining("config.yaml:");
        }

        @Test
        void aBadDurationNamesTheKeyAndTheAcceptedForms() {
            assertThatThrownBy(() -> load("proxy:\n  response_timeout: soon\n"))
                    .hasMessageContaining("'proxy.response_timeout'").hasMessageContaining("30s");
        }
    }

    @Nested
    class Values {

        @Test
        void durationsAndSizesReadAsOllaWritesThem() throws IOException {
            Configuration c = load("proxy:\n  read_timeout: 1h30m\n  stream_buffer_size: 64KB\n"
                    + "server:\n  request_limits:\n    max_body_size: 100MB\n");
            assertThat(c.config().config().proxy().readTimeout()).isEqualTo(Duration.ofMinutes(90));
            assertThat(c.config().config().proxy().streamBufferSize()).isEqualTo(65536);
            assertThat(c.config().config().server().requestLimits().maxBodySize()).isEqualTo(100L << 20);
        }

        @Test
        void environmentOverridesWinOverTheFile() throws IOException {
            Configuration c = load("server:\n  port: 40114\n", Map.of("OLLA_SERVER_PORT", "9999",
                    "OLLA_SERVER_TRUSTED_PROXY_CIDRS", "10.0.0.0/8, 192.168.0.0/16", "OLLA_SERVER_MAX_BODY_SIZE", "1MB"));
            assertThat(c.config().config().server().port()).isEqualTo(9999);
            assertThat(c.config().config().server().rateLimits().trustedProxyCidrs())
                    .containsExactly("10.0.0.0/8", "192.168.0.0/16");
            assertThat(c.config().config().server().requestLimits().maxBodySize()).isEqualTo(1L << 20);
            assertThat(c.config().envOverrides()).contains("OLLA_SERVER_PORT");
        }

        @Test
        void anUnparseableEnvironmentValueNamesTheVariable() {
            assertThatThrownBy(() -> load("", Map.of("OLLA_SERVER_PORT", "eighty")))
                    .hasMessageContaining("OLLA_SERVER_PORT='eighty'");
        }

        @Test
        void everyProblemIsReportedAtOnceWithItsLine() {
            assertThatThrownBy(() -> load("server:\n  port: 70000\nproxy:\n  engine: turbo\n"))
                    .hasMessageContaining("config.yaml:2: 'server.port'")
                    .hasMessageContaining("config.yaml:4: 'proxy.engine' 'turbo' is not one of olla, sherpa");
        }
    }

    @Nested
    class Endpoints {

        @Test
        void anUnknownTypeListsTheValidOnes() {
            assertThatThrownBy(() -> load(endpoints("      - url: http://a:1", "        type: ollamma")))
                    .hasMessageContaining("config.yaml:5: 'discovery.static.endpoints[0].type' 'ollamma' is not a known platform")
                    .hasMessageContaining("lm-studio");
        }

        @Test
        void credentialsInTheUrlAreRefusedWithAnAuthBlockToCopy() {
            assertThatThrownBy(() -> load(endpoints("      - url: http://bob:secret@a:1", "        type: vllm")))
                    .hasMessageContaining("must not contain credentials").hasMessageContaining("type: basic, username: bob")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret"));
        }

        @Test
        void aTimeoutNotShorterThanTheIntervalIsRefused() {
            assertThatThrownBy(() -> load(endpoints("      - url: http://a:1", "        type: vllm",
                    "        check_interval: 2s", "        check_timeout: 2s")))
                    .hasMessageContaining("check_timeout' (2000ms) must be shorter than check_interval (2000ms)");
        }

        @Test
        void duplicateNamesAreRefused() {
            assertThatThrownBy(() -> load(endpoints("      - url: http://a:1", "        name: gpu", "        type: vllm",
                    "      - url: http://b:1", "        name: gpu", "        type: vllm")))
                    .hasMessageContaining("'gpu' is used by another endpoint");
        }

        @Test
        void anUnsetVariableWithoutDefaultStopsStartupNamingTheKey() {
            assertThatThrownBy(() -> load(endpoints("      - url: http://a:1", "        type: vllm",
                    "        auth:", "          type: bearer", "          token: ${VLLM_TOKEN}")))
                    .hasMessageContaining("auth.token").hasMessageContaining("${VLLM_TOKEN}");
        }

        @Test
        void authAndHeadersResolveVariablesDefaultsAndFiles() throws IOException {
            Files.writeString(dir.resolve("token.txt"), "from-file\n");
            Configuration c = load(endpoints(
                    "      - url: http://a:1", "        name: a", "        type: vllm",
                    "        auth: {type: bearer, token_file: token.txt}",
                    "        headers: {X-Team: \"${TEAM:-ml}\"}",
                    "      - url: http://b:1", "        name: b", "        type: litellm",
                    "        auth: {type: api_key, key: \"${KEY}\", header: X-Key}",
                    "      - url: http://c:1", "        name: c", "        type: openai",
                    "        auth: {type: basic, username: u, password: p}"), Map.of("KEY", "k1"));
            assertThat(c.endpoints().get(0).outboundHeaders())
                    .containsEntry("Authorization", "Bearer from-file").containsEntry("X-Team", "ml");
            assertThat(c.endpoints().get(1).outboundHeaders()).containsEntry("X-Key", "k1");
            assertThat(c.endpoints().get(2).outboundHeaders()).containsEntry("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString("u:p".getBytes()));
        }

        @Test
        void inlineAndFileSecretsTogetherAreRefused() {
            assertThatThrownBy(() -> load(endpoints("      - url: http://a:1", "        type: vllm",
                    "        auth: {type: bearer, token: x, token_file: t}")))
                    .hasMessageContaining("'discovery.static.endpoints[0].auth.token' and");
        }

        @Test
        void relativeCheckPathsJoinTheBasePathAndAbsoluteOnesStand() throws IOException {
            Configuration c = load(endpoints(
                    "      - url: http://dmr:12434/engines/llama.cpp", "        name: dmr", "        type: dmr",
                    "      - url: http://x:1", "        name: x", "        type: vllm",
                    "        health_check_url: http://monitor:9/x/health"));
            Endpoint dmr = c.endpoints().get(0);
            assertThat(dmr.healthCheckUrl().toString()).isEqualTo("http://dmr:12434/engines/llama.cpp/engines/v1/models");
            assertThat(c.endpoints().get(1).healthCheckUrl().toString()).isEqualTo("http://monitor:9/x/health");
            assertThat(c.endpoints().get(1).modelUrl().toString()).isEqualTo("http://x:1/v1/models");
        }

        @Test
        void priorityDefaultsToTheProfilesDefaultPriorityAndZeroIsKept() throws IOException {
            Configuration c = load(endpoints("      - url: http://a:1", "        name: a", "        type: llamacpp",
                    "      - url: http://b:1", "        name: b", "        type: vllm", "        priority: 0"));
            assertThat(c.endpoints().get(0).priority()).isEqualTo(95);
            assertThat(c.endpoints().get(1).priority()).isZero();
        }

        @Test
        void endpointsSharingAUrlGetDistinctIds() throws IOException {
            Configuration c = load(endpoints("      - url: http://a:1", "        name: a", "        type: vllm",
                    "      - url: http://a:1", "        name: b", "        type: vllm"));
            assertThat(c.endpoints().get(1).id()).isEqualTo(c.endpoints().get(0).id() + "-2");
        }
    }

    @Nested
    class Queue {

        @Test
        void defaultsWaitAMinuteForAThousandPlacesInArrivalOrder() throws IOException {
            var q = load("server:\n  port: 41000\n").config().config().proxy().queue();
            assertThat(q.maxSize()).isEqualTo(1000);
            assertThat(q.timeout()).isEqualTo(java.time.Duration.ofSeconds(60));
            assertThat(q.prioritization()).isFalse();
            assertThat(q.priorityHeader()).isEqualTo("X-Priority");
        }

        @Test
        void anEndpointsOwnLimitOverridesItsProfileByEndpointId() throws IOException {
            Configuration c = load(endpoints("      - url: http://a:1", "        type: ollama",
                    "        max_concurrent_requests: 2", "      - url: http://b:1", "        type: ollama"));
            assertThat(c.concurrencyOverrides()).containsExactly(Map.entry(c.endpoints().get(0).id(), 2));
            assertThat(c.endpoints().get(1).profile().characteristics().maxConcurrentRequests()).isPositive();
        }

        @Test
        void negativeLimitsAndSizesAreRefusedWithTheirKeys() {
            assertThatThrownBy(() -> load("proxy:\n  queue:\n    max_size: -1\n    timeout: 0s\n"))
                    .hasMessageContaining("proxy.queue.max_size").hasMessageContaining("proxy.queue.timeout");
            assertThatThrownBy(() -> load(endpoints("      - url: http://a:1", "        type: ollama",
                    "        max_concurrent_requests: -3")))
                    .hasMessageContaining("discovery.static.endpoints[0].max_concurrent_requests");
        }

        @Test
        void theQueueCanBeTunedFromTheEnvironment() throws IOException {
            var q = load("server:\n  port: 41000\n", Map.of("OLLA_PROXY_QUEUE_MAX_SIZE", "5",
                    "OLLA_PROXY_QUEUE_TIMEOUT", "3s", "OLLA_PROXY_QUEUE_PRIORITIZATION", "true"))
                    .config().config().proxy().queue();
            assertThat(q.maxSize()).isEqualTo(5);
            assertThat(q.timeout()).isEqualTo(java.time.Duration.ofSeconds(3));
            assertThat(q.prioritization()).isTrue();
        }
    }

    @Nested
    class ProfilesAndRules {

        @Test
        void aCustomProfileAddsAPlatformAnEndpointCanUse() throws IOException {
            Files.createDirectories(dir.resolve("config/profiles"));
            Files.writeString(dir.resolve("config/profiles/llamaswap.yaml"), String.join("\n",
                    "name: llamaswap", "routing:", "  prefixes: [llamaswap, swap]", "api:",
                    "  openai_compatible: true", "  paths: [/v1/models, /v1/chat/completions]",
                    "  model_discovery_path: /v1/models", "  health_check_path: /health", ""));
            Configuration c = load(endpoints("      - url: http://a:1", "        type: swap"));
            assertThat(c.endpoints().get(0).profile().name()).isEqualTo("llamaswap");
            assertThat(c.profiles().customFiles()).hasSize(1);
        }

        @Test
        void aCustomProfileWithABuiltInsNameReplacesIt() throws IOException {
            Files.createDirectories(dir.resolve("config/profiles"));
            Files.writeString(dir.resolve("config/profiles/vllm.yaml"),
                    "name: vllm\nrouting:\n  prefixes: [vllm]\napi:\n  health_check_path: /ping\n");
            Configuration c = load(endpoints("      - url: http://a:1", "        type: vllm"));
            assertThat(c.endpoints().get(0).healthCheckUrl().getPath()).isEqualTo("/ping");
        }

        @Test
        void aBrokenCustomProfileStopsStartupNamingTheFile() throws IOException {
            Files.createDirectories(dir.resolve("config/profiles"));
            Files.writeString(dir.resolve("config/profiles/bad.yaml"), "name: [unclosed\n");
            assertThatThrownBy(() -> load("")).hasMessageContaining("bad.yaml");
        }

        @Test
        void theProfileFilterDropsProfilesAndTheirTypesWithThem() {
            assertThatThrownBy(() -> load("proxy:\n  profile_filter:\n    exclude: [\"vllm*\"]\n"
                    + endpoints("      - url: http://a:1", "        type: vllm")))
                    .hasMessageContaining("'vllm' is not a known platform");
        }

        @Test
        void aModelsYamlBesideTheConfigIsReadAndItsBadRegexIsAnError() throws IOException {
            Files.writeString(dir.resolve("models.yaml"),
                    "model_extraction:\n  family_patterns:\n    - pattern: \"^(llama\"\n      family_group: 1\n");
            assertThatThrownBy(() -> load("")).hasMessageContaining("models.yaml").hasMessageContaining("^(llama");
        }
    }
}
