package dev.sluice.adapters.http.out;

import dev.sluice.application.port.out.RequestSigner;
import dev.sluice.domain.endpoint.AwsSigning;
import dev.sluice.domain.endpoint.Endpoint;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * Signs a request with AWS Signature Version 4 using the AWS SDK's signer (no crypto of our own), and returns the
 * headers to add: {@code Authorization}, {@code X-Amz-Date}, {@code x-amz-content-sha256} (the SHA-256 of the exact
 * body bytes sent) and, for temporary credentials, {@code X-Amz-Security-Token}. Only {@code Host} and those
 * {@code x-amz-*} headers are signed (all AWS requires): the proxy's own forwarding headers may change without
 * breaking the signature. {@code Host} is signed but not returned: Jetty writes the same value from the URL.
 *
 * <p>Stateless and thread-safe. A signature is valid for 15 minutes from the clock's time, so each request is
 * signed as it is sent, never cached.
 */
final class AwsRequestSigner implements RequestSigner {

    private static final AwsV4HttpSigner SIGNER = AwsV4HttpSigner.create();

    private final Clock clock;

    AwsRequestSigner(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Map<String, String> sign(Endpoint endpoint, String method, URI uri, byte[] body) {
        return endpoint.provider().awsSigning().map(signing -> headers(signing, method, uri, body, clock))
                .orElse(Map.of());
    }

    static Map<String, String> headers(AwsSigning signing, String method, URI uri, Clock clock) {
        return headers(signing, method, uri, new byte[0], clock);
    }

    static Map<String, String> headers(AwsSigning signing, String method, URI uri, byte[] body, Clock clock) {
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(method)).uri(uri).build();
        AwsCredentialsIdentity identity = signing.sessionToken()
                .<AwsCredentialsIdentity>map(token -> AwsSessionCredentialsIdentity.create(signing.accessKeyId(),
                        signing.secretAccessKey(), token))
                .orElseGet(() -> AwsCredentialsIdentity.create(signing.accessKeyId(), signing.secretAccessKey()));
        SignedRequest signed = SIGNER.sign(r -> r
                .identity(identity)
                .request(request)
                .payload(ContentStreamProvider.fromByteArrayUnsafe(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, signing.service())
                .putProperty(AwsV4HttpSigner.REGION_NAME, signing.region())
                .putProperty(HttpSigner.SIGNING_CLOCK, clock));
        Map<String, String> headers = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> header : signed.request().headers().entrySet()) {
            if (!header.getKey().equalsIgnoreCase("Host") && !header.getValue().isEmpty()) {
                headers.put(header.getKey(), header.getValue().get(0));
            }
        }
        return headers;
    }
}
