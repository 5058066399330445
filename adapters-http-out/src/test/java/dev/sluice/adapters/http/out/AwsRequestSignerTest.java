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
