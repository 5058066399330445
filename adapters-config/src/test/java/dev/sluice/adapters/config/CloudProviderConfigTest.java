package dev.sluice.adapters.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.adapters.config.problem.ConfigException;
import dev.sluice.domain.endpoint.Endpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CloudProviderConfigTest {

    private static final Map<String, String> KEYS = Map.of("OPENAI_API_KEY", "sk-openai", "ANTHROPIC_API_KEY",
            "sk-ant", "GEMINI_API_KEY", "AIza-gem", "AZURE_OPENAI_KEY", "az-key", "OPENROUTER_API_KEY", "sk-or",
            "GROQ_API_KEY", "gsk-groq");

    @TempDir
    Path dir;

    private Endpoint only(String... endpointLines) throws IOException {
        return load(endpointLines).endpoints().get(0);
    }

    private Configuration load(String... endpointLines) throws IOException {
        Path file = dir.resolve("config.yaml");
        Files.writeString(file, "discovery:\n  static:\n    endpoints:\n" + String.join("\n", endpointLines) + "\n");
        return Configuration.load(Optional.of(file), KEYS, dir);
    }

    @Nested
    class AuthHeadersPerProvider {

        @Test
        void openAiSendsItsKeyAsABearerTokenWithoutAnAuthType() throws IOException {
            Endpoint e = only("      - url: https://api.openai.com/v1", "        type: openai-api",
                    "        auth:", "          token: ${OPENAI_API_KEY}");
            assertThat(e.outboundHeaders()).containsExactly(Map.entry("Authorization", "Bearer sk-openai"));
        }

        @Test
        void anthropicSendsXApiKeyAndItsApiVersion() throws IOException {
            Endpoint e = only("      - url: https://api.anthropic.com", "        type: anthropic",
                    "        auth:", "          key: ${ANTHROPIC_API_KEY}");
            assertThat(e.outboundHeaders()).containsOnly(Map.entry("x-api-key", "sk-ant"),
                    Map.entry("anthropic-version", "2023-06-01"));
        }

        @Test
        void anthropicVersionComesFromTheProviderBlockWhenSet() throws IOException {
            Endpoint e = only("      - url: https://api.anthropic.com", "        type: anthropic",
                    "        auth:", "          key: ${ANTHROPIC_API_KEY}", "        provider:",
                    "          api_version: \"2024-01-01\"");
            assertThat(e.outboundHeaders()).containsEntry("anthropic-version", "2024-01-01");
        }

        @Test
        void geminiSendsXGoogApiKey() throws IOException {
            Endpoint e = only("      - url: https://generativelanguage.googleapis.com", "        type: gemini",
                    "        auth:", "          key: ${GEMINI_API_KEY}");
            assertThat(e.outboundHeaders()).containsExactly(Map.entry("x-goog-api-key", "AIza-gem"));
        }

        @Test
        void azureSendsApiKey() throws IOException {
            Endpoint e = only("      - url: https://res.openai.azure.com", "        type: azure-openai",
                    "        auth:", "          key: ${AZURE_OPENAI_KEY}", "        provider:",
                    "          deployments:", "            gpt-4o: prod-4o");
            assertThat(e.outboundHeaders()).containsExactly(Map.entry("api-key", "az-key"));
        }

        @Test
        void anEndpointsOwnAuthTypeAndHeaderWinOverTheProfiles() throws IOException {
            Endpoint e = only("      - url: https://generativelanguage.googleapis.com", "        type: gemini",
                    "        auth:", "          type: bearer", "          token: ${GEMINI_API_KEY}");
            assertThat(e.outboundHeaders()).containsExactly(Map.entry("Authorization", "Bearer AIza-gem"));
        }

        @Test
        void aLocalEndpointStillNeedsAnAuthType() {
            assertThatThrownBy(() -> load("      - url: http://localhost:8000", "        type: vllm", "        auth:",
                    "          token: abc"))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("endpoints[0].auth.type' is missing");
        }
    }

    @Nested
    class Urls {

        @ParameterizedTest(name = "{0} at {1}")
        @CsvSource({
                "openai-api, https://api.openai.com/v1, https://api.openai.com/v1/models, https://api.openai.com/v1/models",
                "openai-api, https://api.openai.com, https://api.openai.com/v1/models, https://api.openai.com/v1/models",
                "groq, https://api.groq.com/openai/v1, https://api.groq.com/openai/v1/models, https://api.groq.com/openai/v1/models",
                "openrouter, https://openrouter.ai/api/v1, https://openrouter.ai/api/v1/key, https://openrouter.ai/api/v1/models",
                "anthropic, https://api.anthropic.com, https://api.anthropic.com/v1/models?limit=1, https://api.anthropic.com/v1/models?limit=1000",
                "gemini, https://generativelanguage.googleapis.com, https://generativelanguage.googleapis.com/v1beta/models?pageSize=1, https://generativelanguage.googleapis.com/v1beta/models?pageSize=1000",
        })
        void healthAndDiscoveryNeverDoubleTheBasePath(String type, String url, String health, String models)
                throws IOException {
            Endpoint e = only("      - url: " + url, "        type: " + type, "        auth:", "          token: t",
                    "          key: k");
            assertThat(e.healthCheckUrl()).hasToString(health);
            assertThat(e.modelUrl()).hasToString(models);
        }

        @Test
        void azureHealthCarriesTheApiVersion() throws IOException {
            Endpoint e = only("      - url: https://res.openai.azure.com", "        type: azure-openai",
                    "        auth:", "          key: k", "        provider:", "          api_version: 2025-01-01-preview",
                    "          deployments:", "            gpt-4o: prod-4o");
            assertThat(e.healthCheckUrl())
                    .hasToString("https://res.openai.azure.com/openai/models?api-version=2025-01-01-preview");
            assertThat(e.provider().deploymentFor("gpt-4o")).contains("prod-4o");
        }

        @Test
        void absoluteHealthAndModelUrlsAreUsedAsWritten() throws IOException {
            Endpoint e = only("      - url: https://api.groq.com/openai/v1", "        type: openai-compatible",
                    "        preserve_path: true", "        health_check_url: https://api.groq.com/openai/v1/models",
                    "        model_url: https://api.groq.com/openai/v1/models");
            assertThat(e.healthCheckUrl()).hasToString("https://api.groq.com/openai/v1/models");
            assertThat(e.modelUrl()).hasToString("https://api.groq.com/openai/v1/models");
        }

        @Test
        void hostedApisKeepTheirBasePathUnlessTheEndpointSaysOtherwise() throws IOException {
            assertThat(only("      - url: https://api.groq.com/openai/v1", "        type: groq").preservePath()).isTrue();
            assertThat(only("      - url: https://api.groq.com/openai/v1", "        type: groq",
                    "        preserve_path: false").preservePath()).isFalse();
            assertThat(only("      - url: http://localhost:8000/v1", "        type: vllm").preservePath()).isFalse();
        }
    }

    @Nested
    class HealthDefaults {

        @Test
        void hostedApisAreCheckedRarelyAndGivenTimeToWarmUp() throws IOException {
            Endpoint e = only("      - url: https://api.openai.com/v1", "        type: openai-api");
            assertThat(e.checkInterval()).isEqualTo(Duration.ofMinutes(5));
            assertThat(e.checkTimeout()).isEqualTo(Duration.ofSeconds(20));
            assertThat(e.priority()).isEqualTo(10);
        }

        @Test
        void theEndpointsOwnIntervalWins() throws IOException {
            Endpoint e = only("      - url: https://api.openai.com/v1", "        type: openai-api",
                    "        check_interval: 10m", "        check_timeout: 30s");
            assertThat(e.checkInterval()).isEqualTo(Duration.ofMinutes(10));
            assertThat(e.checkTimeout()).isEqualTo(Duration.ofSeconds(30));
        }

        @Test
        void aTimeoutLongerThanTheProfilesIntervalIsStillRefused() {
            assertThatThrownBy(() -> load("      - url: https://api.openai.com/v1", "        type: openai-api",
                    "        check_interval: 10s"))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("check_timeout' (20000ms) must be shorter than check_interval (10000ms)");
        }

        @Test
        void localServersKeepOllasFiveSeconds() throws IOException {
            Endpoint e = only("      - url: http://localhost:8000", "        type: openai");
            assertThat(e.checkInterval()).isEqualTo(Duration.ofSeconds(5));
            assertThat(e.checkTimeout()).isEqualTo(Duration.ofSeconds(2));
            assertThat(e.profile().name()).isEqualTo("openai-compatible");
        }

        @Test
        void assumeHealthyIsReadPerEndpoint() throws IOException {
            assertThat(only("      - url: https://api.groq.com/openai/v1", "        type: groq",
                    "        assume_healthy: true").provider().assumeHealthy()).isTrue();
            assertThat(only("      - url: https://api.groq.com/openai/v1", "        type: groq")
                    .provider().assumeHealthy()).isFalse();
        }
    }

    @Nested
    class CredentialHints {

        @Test
        void nameTheConfigKeyAndTheVariableNeverTheSecret() throws IOException {
            Configuration c = load("      - url: http://localhost:11434", "        type: ollama",
                    "      - url: https://api.openai.com/v1", "        type: openai-api", "        auth:",
                    "          token: ${OPENAI_API_KEY}");
            Endpoint e = c.endpoints().get(1);
            assertThat(e.provider().credentialHint())
                    .isEqualTo("the API key in discovery.static.endpoints[1].auth (OPENAI_API_KEY)")
                    .doesNotContain("sk-openai");
        }

        @Test
        void nameTheSecretFile() throws IOException {
            Files.writeString(dir.resolve("anthropic.key"), "sk-from-file\n");
            Endpoint e = only("      - url: https://api.anthropic.com", "        type: anthropic", "        auth:",
                    "          key_file: anthropic.key");
            assertThat(e.provider().credentialHint())
                    .isEqualTo("the API key in discovery.static.endpoints[0].auth (file anthropic.key)");
            assertThat(e.outboundHeaders()).containsEntry("x-api-key", "sk-from-file");
        }

        @Test
        void sayWhenThereIsNoAuthBlock() throws IOException {
            Endpoint e = only("      - url: https://api.groq.com/openai/v1", "        type: groq");
            assertThat(e.provider().credentialHint())
                    .isEqualTo("the credentials: discovery.static.endpoints[0] has no auth block");
        }
    }

    @Nested
    class ProviderBlockIsStrict {

        @Test
        void anUnknownKeyIsRejectedWithItsLineAndASuggestion() {
            assertThatThrownBy(() -> load("      - url: https://res.openai.azure.com", "        type: azure-openai",
                    "        provider:", "          api_versoin: x"))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("config.yaml:7")
                    .hasMessageContaining("unknown key 'discovery.static.endpoints[0].provider.api_versoin'")
                    .hasMessageContaining("did you mean 'api_version'");
        }

        @Test
        void deploymentsOutsideAzureDoNothingSoTheyAreRefused() {
            assertThatThrownBy(() -> load("      - url: https://api.openai.com/v1", "        type: openai-api",
                    "        provider:", "          deployments:", "            gpt-4o: x"))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("endpoints[0].provider.deployments' does nothing for type 'openai-api'");
        }

        @Test
        void azureWithoutDeploymentsIsRefused() {
            assertThatThrownBy(() -> load("      - url: https://res.openai.azure.com", "        type: azure-openai",
                    "        auth:", "          key: k"))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("endpoints[0].provider.deployments' is missing");
        }

        @Test
        void anApiVersionForAProviderWithoutOneIsRefused() {
            assertThatThrownBy(() -> load("      - url: https://api.groq.com/openai/v1", "        type: groq",
                    "        provider:", "          api_version: v2"))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("endpoints[0].provider.api_version' does nothing for type 'groq'");
        }

        @Test
        void aDeploymentNameCannotCarryAPath() {
            assertThatThrownBy(() -> load("      - url: https://res.openai.azure.com", "        type: azure-openai",
                    "        provider:", "          deployments:", "            gpt-4o: ../admin"))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("must be a deployment name");
        }
    }

    @Nested
    class Bedrock {

        private static final String[] BEDROCK = {"      - url: https://bedrock.us-east-1.amazonaws.com",
                "        type: bedrock", "        provider:", "          region: us-east-1",
                "          access_key_id: ${AWS_ACCESS_KEY_ID:-AKIDEXAMPLE}",
                "          secret_access_key: ${AWS_SECRET_ACCESS_KEY:-wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY}"};

        @Test
        void readsRegionAndCredentials_andNamesTheirVariablesForA403() throws IOException {
            Endpoint e = only(BEDROCK);
            assertThat(e.provider().awsSigning()).hasValueSatisfying(s -> {
                assertThat(s.region()).isEqualTo("us-east-1");
                assertThat(s.service()).isEqualTo("bedrock");
                assertThat(s.accessKeyId()).isEqualTo("AKIDEXAMPLE");
                assertThat(s.secretAccessKey()).isEqualTo("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
                assertThat(s.sessionToken()).isEmpty();
                assertThat(s.toString()).doesNotContain("wJalr");
            });
            assertThat(e.provider().credentialHint()).isEqualTo("the AWS credentials in "
                    + "discovery.static.endpoints[0].provider (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY)");
            assertThat(e.healthCheckUrl()).hasToString("https://bedrock.us-east-1.amazonaws.com/foundation-models");
            assertThat(e.outboundHeaders()).isEmpty();
        }

        @Test
        void aSessionTokenIsReadFromItsFile() throws IOException {
            Files.writeString(dir.resolve("token"), "session-1\n");
            Endpoint e = only(BEDROCK[0], BEDROCK[1], BEDROCK[2], BEDROCK[3], BEDROCK[4], BEDROCK[5],
                    "          session_token_file: token");
            assertThat(e.provider().awsSigning().orElseThrow().sessionToken()).contains("session-1");
        }

        @Test
        void aRuntimeUrlIsRead_andRefusedOnAnotherType() throws IOException {
            Endpoint e = only(BEDROCK[0], BEDROCK[1], BEDROCK[2], BEDROCK[3], BEDROCK[4], BEDROCK[5],
                    "          runtime_url: https://vpce-1.bedrock-runtime.us-east-1.vpce.amazonaws.com");
            assertThat(e.provider().runtimeUrl()).contains(
                    java.net.URI.create("https://vpce-1.bedrock-runtime.us-east-1.vpce.amazonaws.com"));
            assertThat(only(BEDROCK).provider().runtimeUrl()).isEmpty();

            assertThatThrownBy(() -> load("      - url: https://api.openai.com/v1", "        type: openai-api",
                    "        provider:", "          runtime_url: https://example.org"))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("endpoints[0].provider.runtime_url' does nothing for type 'openai-api'");
            assertThatThrownBy(() -> load(BEDROCK[0], BEDROCK[1], BEDROCK[2], BEDROCK[3], BEDROCK[4], BEDROCK[5],
                    "          runtime_url: bedrock-runtime.us-east-1.amazonaws.com"))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("runtime_url' must be an absolute http:// or https:// URL");
        }

        @Test
        void regionAndCredentialsAreRequired() {
            assertThatThrownBy(() -> load("      - url: https://bedrock.us-east-1.amazonaws.com", "        type: bedrock"))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("endpoints[0].provider.region' is missing")
                    .hasMessageContaining("endpoints[0].provider.access_key_id' is missing")
                    .hasMessageContaining("endpoints[0].provider.secret_access_key' is missing");
        }

        @Test
        void aRegionMustLookLikeOne() {
            assertThatThrownBy(() -> load(BEDROCK[0], BEDROCK[1], BEDROCK[2], "          region: Virginia", BEDROCK[4],
                    BEDROCK[5]))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("'Virginia' is not an AWS region such as us-east-1");
        }

        @Test
        void awsCredentialsOnAnotherTypeDoNothingSoTheyAreRefused() {
            assertThatThrownBy(() -> load("      - url: https://api.openai.com/v1", "        type: openai-api",
                    "        provider:", "          region: us-east-1"))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("only bedrock endpoints are signed");
        }

        @Test
        void anAuthBlockOnBedrockDoesNothingSoItIsRefused() {
            assertThatThrownBy(() -> load(BEDROCK[0], BEDROCK[1], "        auth: {token: x}", BEDROCK[2], BEDROCK[3],
                    BEDROCK[4], BEDROCK[5]))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("endpoints[0].auth' does nothing for type 'bedrock'");
        }
    }
}
