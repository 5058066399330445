package dev.sluice.adapters.http.out;

import dev.sluice.domain.endpoint.Endpoint;
import java.net.URI;
import java.time.Clock;
import org.eclipse.jetty.http.HttpFields;

/** The headers every request of ours to an endpoint carries, whatever it asks. */
final class OutboundHeaders {

    private OutboundHeaders() {
    }

    /**
     * Adds the endpoint's configured headers (auth among them) after our own, so an operator who sets, say,
     * their own {@code User-Agent} for a gateway that filters on it gets theirs.
     */
    static void addEndpointHeaders(HttpFields.Mutable headers, Endpoint endpoint) {
        endpoint.outboundHeaders().forEach(headers::put);
    }

    /**
     * The endpoint's headers, then, when its requests must be signed (Bedrock), the SigV4 headers for this GET of
     * {@code uri}, signed now.
     */
    static void addEndpointHeaders(HttpFields.Mutable headers, Endpoint endpoint, URI uri) {
        addEndpointHeaders(headers, endpoint);
        endpoint.provider().awsSigning().ifPresent(signing ->
                AwsRequestSigner.headers(signing, "GET", uri, Clock.systemUTC()).forEach(headers::put));
    }
}
