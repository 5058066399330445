package dev.sluice.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bedrock endpoints are discovered and health-checked with SigV4-signed calls that a server holding the secret
 * verifies; a wrong secret is a config_error naming the credentials to check, and never appears in the status API.
 */
@Timeout(60)
class BedrockIntegrationTest {

    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

    @TempDir
    Path dir;

    // The profile's own interval and timeout: the first signature loads the SDK's classes, which on a busy machine
    // can take longer than the 800 ms the shared test endpoints allow, and would read as a slow (busy) answer.
    private static String bedrock(String name, FakeBedrock fake, String secret) {
        return "      - url: \"" + fake.baseUri() + "\"\n        name: " + name + "\n        type: bedrock\n"
                + "        provider:\n          region: us-east-1\n          access_key_id: AKIDEXAMPLE\n"
                + "          secret_access_key: \"" + secret + "\"\n";
    }

    @Test
    void signedDiscoveryAndHealthReachBedrock_andAWrongSecretIsAConfigError() throws Exception {
        try (FakeBedrock good = new FakeBedrock("AKIDEXAMPLE", SECRET);
             FakeBedrock other = new FakeBedrock("AKIDEXAMPLE", SECRET);
             RunningProxy proxy = RunningProxy.start(dir, RunningProxy.config("",
                     bedrock("bedrock", good, SECRET),
                     bedrock("bedrock-wrong", other, "${AWS_SECRET_ACCESS_KEY:-not-the-secret}")))) {
            JsonNode ok = proxy.endpointStatus("bedrock");
            assertThat(ok.get("status").asText()).isEqualTo("healthy");
            assertThat(ok.get("model_count").asInt()).isEqualTo(2);
            assertThat(good.verified).isNotEmpty().allSatisfy(a -> assertThat(a)
                    .startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/").contains("/us-east-1/bedrock/aws4_request"));

            JsonNode wrong = proxy.endpointStatus("bedrock-wrong");
            assertThat(wrong.get("status").asText()).isEqualTo("config_error");
            assertThat(wrong.get("last_error").asText()).isEqualTo("403 from bedrock-wrong: check the AWS credentials "
                    + "in discovery.static.endpoints[1].provider (AWS_SECRET_ACCESS_KEY)");
            assertThat(other.verified).isEmpty();

            String status = proxy.get("/internal/status/endpoints").body() + proxy.get("/internal/status").body();
            assertThat(status).doesNotContain(SECRET).doesNotContain("not-the-secret");
        }
    }
}
