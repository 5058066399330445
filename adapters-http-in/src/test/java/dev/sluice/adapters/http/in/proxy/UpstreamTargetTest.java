package dev.sluice.adapters.http.in.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.domain.endpoint.Endpoint;
import dev.sluice.domain.endpoint.ProviderSettings;
import dev.sluice.domain.pattern.ModelFilter;
import dev.sluice.domain.profile.AnthropicSupport;
import dev.sluice.domain.profile.MetricsExtraction;
import dev.sluice.domain.profile.PlatformCharacteristics;
import dev.sluice.domain.profile.Profile;
import dev.sluice.domain.profile.ProviderTraits;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UpstreamTargetTest {

    private static final ProviderTraits GEMINI = new ProviderTraits(Optional.of("api_key"),
            Optional.of("x-goog-api-key"), Map.of(), Optional.empty(), false, Optional.empty(), Optional.empty(),
            Map.of("/v1/", "/v1beta/openai/"), false);
    private static final ProviderTraits AZURE = new ProviderTraits(Optional.of("api_key"), Optional.of("api-key"),
            Map.of(), Optional.of("2024-10-21"), false, Optional.empty(), Optional.empty(), Map.of(), true);

    private static Endpoint endpoint(String url, boolean preservePath, ProviderTraits traits, ProviderSettings settings) {
        Profile profile = new Profile("p", "p", "", List.of(), true, List.of(), "/v1/models", "/v1/models",
                AnthropicSupport.NONE, PlatformCharacteristics.DEFAULTS, Map.of(), List.of(), List.of("model"), "openai",
                MetricsExtraction.NONE, traits);
        URI base = URI.create(url);
        return new Endpoint("id", "e", base, "p", profile, 10, preservePath, base, base, Duration.ofSeconds(5),
                Duration.ofSeconds(2), ModelFilter.ALLOW_ALL, Map.of(), settings);
    }

    private static Endpoint plain(String url, boolean preservePath) {
        return endpoint(url, preservePath, ProviderTraits.NONE, ProviderSettings.NONE);
    }

    @Nested
    class Bedrock {

        private final ProviderTraits signed = new ProviderTraits(Optional.empty(), Optional.empty(), Map.of(),
                Optional.empty(), false, Optional.empty(), Optional.empty(), Map.of(), false, Optional.of("bedrock"));
        private final dev.sluice.domain.endpoint.AwsSigning keys = new dev.sluice.domain.endpoint.AwsSigning(
                "eu-west-1", "bedrock", "AKID", "secret", Optional.empty());

        private Endpoint bedrock(String url, Optional<URI> runtime) {
            return endpoint(url, false, signed, new ProviderSettings(Optional.empty(), Map.of(), false, "hint",
                    Optional.of(keys), false, runtime));
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource({
                "https://bedrock.eu-west-1.amazonaws.com, https://bedrock-runtime.eu-west-1.amazonaws.com/model/m/converse",
                "https://bedrock-fips.us-east-1.amazonaws.com, https://bedrock-runtime-fips.us-east-1.amazonaws.com/model/m/converse",
                "http://127.0.0.1:8090, http://127.0.0.1:8090/model/m/converse",
        })
        void converseGoesToTheRegionsRuntimeHost_andAnyOtherHostIsKept(String base, String target) {
            assertThat(UpstreamTarget.of(bedrock(base, Optional.empty()), "/model/m/converse", Optional.empty()))
                    .isEqualTo(target);
        }

        @Test
        void aRuntimeUrlWins_forConverseOnly() {
            Endpoint e = bedrock("https://vpce-1.bedrock.eu-west-1.vpce.amazonaws.com",
                    Optional.of(URI.create("https://vpce-2.bedrock-runtime.eu-west-1.vpce.amazonaws.com")));

            assertThat(UpstreamTarget.of(e, "/model/m/converse-stream", Optional.empty()))
                    .isEqualTo("https://vpce-2.bedrock-runtime.eu-west-1.vpce.amazonaws.com/model/m/converse-stream");
            assertThat(UpstreamTarget.of(e, "/foundation-models", Optional.empty()))
                    .isEqualTo("https://vpce-1.bedrock.eu-west-1.vpce.amazonaws.com/foundation-models");
        }
    }

    @Nested
    class BasePaths {

        @ParameterizedTest(name = "{0} + {1}")
        @CsvSource({
                "https://api.groq.com/openai/v1, /v1/chat/completions, https://api.groq.com/openai/v1/chat/completions",
                "https://openrouter.ai/api/v1, /v1/chat/completions, https://openrouter.ai/api/v1/chat/completions",
                "https://openrouter.ai/api/v1/, /v1/models, https://openrouter.ai/api/v1/models",
                "https://api.openai.com/v1, /v1/responses, https://api.openai.com/v1/responses",
                "https://api.openai.com, /v1/chat/completions, https://api.openai.com/v1/chat/completions",
                "http://dmr:12434/engines/llama.cpp, /v1/models, http://dmr:12434/engines/llama.cpp/v1/models",
        })
        void aPreservedBasePathNeverDoublesItsVersion(String base, String path, String target) {
            assertThat(UpstreamTarget.of(plain(base, true), path, Optional.empty())).isEqualTo(target);
        }

        @Test
        void withoutPreservePathTheBasePathIsReplaced_asInOlla() {
            assertThat(UpstreamTarget.of(plain("http://h:8000/ignored", false), "/v1/models", Optional.of("a=1")))
                    .isEqualTo("http://h:8000/v1/models?a=1");
        }
    }

    @Nested
    class Gemini {

        @Test
        void openAiPathsGoToGooglesOpenAiCompatibleSurface() {
            Endpoint gemini = endpoint("https://generativelanguage.googleapis.com", false, GEMINI, ProviderSettings.NONE);
            assertThat(UpstreamTarget.of(gemini, "/v1/chat/completions", Optional.empty(), Optional.of("gemini-2.5-flash")))
                    .isEqualTo("https://generativelanguage.googleapis.com/v1beta/openai/chat/completions");
        }
    }

    @Nested
    class Azure {

        private final Endpoint azure = endpoint("https://res.openai.azure.com", false, AZURE,
                new ProviderSettings(Optional.of("2024-10-21"), Map.of("gpt-4o", "prod-4o"), false, "its key"));

        @Test
        void aModelGoesToItsDeploymentWithTheApiVersion() {
            assertThat(UpstreamTarget.of(azure, "/v1/chat/completions", Optional.empty(), Optional.of("gpt-4o")))
                    .isEqualTo("https://res.openai.azure.com/openai/deployments/prod-4o/chat/completions"
                            + "?api-version=2024-10-21");
        }

        @Test
        void theClientsQueryIsKept_andItsOwnApiVersionWins() {
            assertThat(UpstreamTarget.of(azure, "/v1/embeddings", Optional.of("x=1"), Optional.of("gpt-4o")))
                    .endsWith("/openai/deployments/prod-4o/embeddings?x=1&api-version=2024-10-21");
            assertThat(UpstreamTarget.of(azure, "/v1/chat/completions", Optional.of("api-version=2025-01-01"),
                    Optional.of("gpt-4o"))).endsWith("?api-version=2025-01-01");
        }

        @Test
        void aModelWithoutADeploymentGoesToADeploymentOfItsName_encoded() {
            assertThat(UpstreamTarget.of(azure, "/v1/chat/completions", Optional.empty(), Optional.of("my model/x")))
                    .isEqualTo("https://res.openai.azure.com/openai/deployments/my%20model%2Fx/chat/completions"
                            + "?api-version=2024-10-21");
        }
    }
}
