package dev.sluice.domain.endpoint;

import java.util.Objects;
import java.util.Optional;

/**
 * AWS Signature Version 4 credentials for an endpoint whose requests must be signed (Bedrock). Holds secrets:
 * {@link #toString()} shows only the access key id.
 *
 * @param service      the signing name ({@code bedrock})
 * @param sessionToken present for temporary credentials
 */
public record AwsSigning(String region, String service, String accessKeyId, String secretAccessKey,
                         Optional<String> sessionToken) {

    public AwsSigning {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        Objects.requireNonNull(sessionToken, "sessionToken");
    }

    @Override
    public String toString() {
        return "AwsSigning[" + service + " " + region + " " + accessKeyId + "]";
    }
}
