package dev.sluice.domain.metrics;

import dev.sluice.domain.endpoint.Endpoint;
import dev.sluice.domain.endpoint.RequestOutcome.FailureKind;
import dev.sluice.domain.routing.RoutingDecision;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One client request from arrival to its last byte (or refusal): what the request log line says and what the
 * metrics count. Failover attempts are inside it; {@code endpoint} is the last one tried.
 *
 * @param requestId        the {@code X-Olla-Request-ID} it was answered with
 * @param clientIp         the client as rate limiting sees it
 * @param route            the route prefix ({@code proxy}, {@code ollama} ...), empty when no route matched
 * @param model            the model the body asked for, if any
 * @param endpoint         the endpoint that answered (or failed last); empty when refused before routing
 * @param routing          the routing decision, when one was made
 * @param status           the status the client got
 * @param bytes            response body bytes relayed to the client
 * @param timeToFirstByte  from arrival to the first body byte reaching the client, when one did
 * @param total            from arrival to completion
 * @param tokens           token figures read from the answer's tail
 * @param failure          what went wrong upstream, {@code NONE} when the answer was relayed whole
 * @param attempts         endpoints tried
 * @param traceparent      the W3C trace context the client sent, if any (forwarded to the backend unchanged)
 */
public record CompletedRequest(String requestId, String clientIp, String method, String path, String route,
                               Optional<String> model, Optional<Endpoint> endpoint, Optional<RoutingDecision> routing,
                               int status, long bytes, Optional<Duration> timeToFirstByte, Duration total,
                               TokenUsage tokens, FailureKind failure, int attempts, Optional<String> traceparent) {

    public CompletedRequest {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(clientIp, "clientIp");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(routing, "routing");
        Objects.requireNonNull(timeToFirstByte, "timeToFirstByte");
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(traceparent, "traceparent");
    }

    /** Olla's rule: a request succeeded when its answer was relayed whole, whatever the backend's status. */
    public boolean success() {
        return failure == FailureKind.NONE && endpoint.isPresent();
    }
}
