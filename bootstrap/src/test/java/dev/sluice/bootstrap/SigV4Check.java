package dev.sluice.bootstrap;

import dev.sluice.simulator.SimulatedBedrock;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * What AWS does with a signed request: recompute the signature from the request as it arrived (its Host, raw
 * path, signed headers, X-Amz-Date and body bytes) with the secret the server holds, and compare. Any change to
 * the body or path after signing, or the wrong secret, fails it.
 */
final class SigV4Check implements Predicate<SimulatedBedrock.Seen> {

    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final Pattern SIGNED_HEADERS = Pattern.compile("SignedHeaders=([a-z0-9;-]+)");

    private final String accessKeyId;
    private final String secret;
    private final Optional<String> sessionToken;
    private final String region;

    SigV4Check(String accessKeyId, String secret, Optional<String> sessionToken, String region) {
        this.accessKeyId = accessKeyId;
        this.secret = secret;
        this.sessionToken = sessionToken;
        this.region = region;
    }

    @Override
    public boolean test(SimulatedBedrock.Seen seen) {
        Matcher signed = SIGNED_HEADERS.matcher(seen.authorization());
        if (!signed.find() || !sessionToken.equals(Optional.ofNullable(seen.securityToken()))) {
            return false;
        }
        for (String header : signed.group(1).split(";")) {
            // The signer adds these itself, from the clock, the identity and the payload.
            if (!header.equals("host") && !header.equals("x-amz-date") && !header.equals("x-amz-content-sha256")
                    && !header.equals("x-amz-security-token")) {
                return false;
            }
        }
        Clock at = Clock.fixed(LocalDateTime.parse(seen.amzDate(), AMZ_DATE).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(seen.method()))
                .uri(URI.create("http://" + seen.host() + seen.rawPath())).build();
        AwsCredentialsIdentity identity = sessionToken.<AwsCredentialsIdentity>map(token ->
                AwsSessionCredentialsIdentity.create(accessKeyId, secret, token))
                .orElseGet(() -> AwsCredentialsIdentity.create(accessKeyId, secret));
        String expected = AwsV4HttpSigner.create().sign(r -> r
                        .identity(identity)
                        .request(request)
                        .payload(ContentStreamProvider.fromByteArray(seen.body()))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "bedrock")
                        .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                        .putProperty(HttpSigner.SIGNING_CLOCK, at))
                .request().firstMatchingHeader("Authorization").orElse("");
        return expected.equals(seen.authorization());
    }
}
