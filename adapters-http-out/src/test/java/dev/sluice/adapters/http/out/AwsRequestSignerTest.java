package dev.sluice.adapters.http.out;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.domain.endpoint.AwsSigning;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Checked against the AWS Signature Version 4 test suite published in the AWS documentation ("get-vanilla"): the
 * example credentials, region and service signing {@code GET /} on {@code example.amazonaws.com} at
 * 2015-08-30T12:36:00Z. The SDK's signer also signs {@code x-amz-content-sha256}, which that vector does not, so
 * the vector checks {@link SigV4Reference} (the specification, written out) and the reference checks the signer.
 */
class AwsRequestSignerTest {

    private static final Clock AT = Clock.fixed(Instant.parse("2015-08-30T12:36:00Z"), ZoneOffset.UTC);
    private static final AwsSigning EXAMPLE = new AwsSigning("us-east-1", "service", "AKIDEXAMPLE",
            "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", Optional.empty());

    private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    @Test
    void theReferenceReproducesThePublishedGetVanillaSignature() throws Exception {
        assertThat(SigV4Reference.signature("GET", "/", Map.of("host", "example.amazonaws.com", "x-amz-date",
                "20150830T123600Z"), EMPTY_SHA256, "20150830T123600Z", "us-east-1", "service",
                "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"))
                .isEqualTo("5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
    }

    @Test
    void theSignerSignsGetVanillaAsTheSpecificationSays() throws Exception {
        Map<String, String> headers = AwsRequestSigner.headers(EXAMPLE, "GET", URI.create("https://example.amazonaws.com/"),
                AT);

        assertThat(headers).containsEntry("X-Amz-Date", "20150830T123600Z")
                .containsEntry("x-amz-content-sha256", EMPTY_SHA256);
        String expected = SigV4Reference.signature("GET", "/", Map.of("host", "example.amazonaws.com",
                "x-amz-content-sha256", EMPTY_SHA256, "x-amz-date", "20150830T123600Z"), EMPTY_SHA256,
                "20150830T123600Z", "us-east-1", "service", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
        assertThat(headers.get("Authorization")).isEqualTo("AWS4-HMAC-SHA256 "
                + "Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
                + "SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=" + expected);
        assertThat(headers.keySet()).noneMatch(h -> h.equalsIgnoreCase("Host"));
    }

    // AWS's SigV4 test suite: "post-vanilla" (no body) and "post-x-www-form-urlencoded" (body Param1=value1).
    @Test
    void theReferenceReproducesThePublishedPostSignatures() throws Exception {
        assertThat(SigV4Reference.signature("POST", "/", Map.of("host", "example.amazonaws.com", "x-amz-date",
                "20150830T123600Z"), EMPTY_SHA256, "20150830T123600Z", "us-east-1", "service",
                "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"))
                .isEqualTo("5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b");
        assertThat(SigV4Reference.signature("POST", "/", Map.of("content-type", "application/x-www-form-urlencoded",
                "host", "example.amazonaws.com", "x-amz-date", "20150830T123600Z"),
                SigV4Reference.sha256Hex("Param1=value1"), "20150830T123600Z", "us-east-1", "service",
                "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"))
                .isEqualTo("ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a");
    }

    // A Converse call as the proxy sends it: the body's hash is signed, and the escaped ':' of the model id is
    // escaped once more in the canonical URI, as SigV4 requires for every service but S3.
    @Test
    void theSignerSignsAConversePostOverItsExactBody() throws Exception {
        String body = "{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"hi\"}]}]}";
        URI uri = URI.create("https://bedrock-runtime.us-east-1.amazonaws.com/model/amazon.nova-pro-v1%3A0/converse");
        AwsSigning bedrock = new AwsSigning("us-east-1", "bedrock", "AKIDEXAMPLE",
                "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", Optional.empty());

        Map<String, String> headers = AwsRequestSigner.headers(bedrock, "POST", uri,
                body.getBytes(java.nio.charset.StandardCharsets.UTF_8), AT);

        String bodyHash = SigV4Reference.sha256Hex(body);
        assertThat(headers).containsEntry("x-amz-content-sha256", bodyHash);
        String expected = SigV4Reference.signature("POST", "/model/amazon.nova-pro-v1%253A0/converse", Map.of("host",
                "bedrock-runtime.us-east-1.amazonaws.com", "x-amz-content-sha256", bodyHash, "x-amz-date",
                "20150830T123600Z"), bodyHash, "20150830T123600Z", "us-east-1", "bedrock",
                "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
        assertThat(headers.get("Authorization")).isEqualTo("AWS4-HMAC-SHA256 "
                + "Credential=AKIDEXAMPLE/20150830/us-east-1/bedrock/aws4_request, "
                + "SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=" + expected);
    }

    @Test
    void temporaryCredentialsAddAndSignTheSessionToken() {
        AwsSigning temporary = new AwsSigning("us-east-1", "bedrock", "ASIAEXAMPLE", "secret", Optional.of("token-1"));

        Map<String, String> headers = AwsRequestSigner.headers(temporary, "GET",
                URI.create("https://bedrock.us-east-1.amazonaws.com/foundation-models"), AT);

        assertThat(headers).containsEntry("X-Amz-Security-Token", "token-1");
        assertThat(headers.get("Authorization"))
                .startsWith("AWS4-HMAC-SHA256 Credential=ASIAEXAMPLE/20150830/us-east-1/bedrock/aws4_request, ")
                .contains("x-amz-security-token");
    }

    @Test
    void theSecretNeverAppearsInTheHeaders() {
        assertThat(AwsRequestSigner.headers(EXAMPLE, "GET", URI.create("https://example.amazonaws.com/"), AT).values())
                .noneMatch(v -> v.contains("wJalrXUtnFEMI"));
    }
}
