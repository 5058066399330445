package dev.sluice.application.port.out;

import dev.sluice.domain.endpoint.Endpoint;
import java.net.URI;
import java.util.Map;

/**
 * Signs a request to an endpoint whose every request must carry a signature (Bedrock's AWS SigV4), over the exact
 * method, URL and body that will be sent. Stateless and thread-safe; a signature is dated, so each request is
 * signed as it is sent.
 */
public interface RequestSigner {

    /** Signs nothing: for endpoints and tests that need no signature. */
    RequestSigner NONE = (endpoint, method, uri, body) -> Map.of();

    /**
     * The headers to add (for SigV4: {@code Authorization}, {@code X-Amz-Date}, {@code x-amz-content-sha256} and,
     * for temporary credentials, {@code X-Amz-Security-Token}); empty when the endpoint signs nothing.
     * {@code Host} is signed from {@code uri} and not returned: the HTTP client writes the same value.
     */
    Map<String, String> sign(Endpoint endpoint, String method, URI uri, byte[] body);
}
