package dev.sluice.adapters.http.in.proxy;

import dev.sluice.domain.endpoint.Endpoint;
import dev.sluice.domain.endpoint.UrlPaths;
import dev.sluice.domain.profile.ProviderTraits;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Where a request goes on an endpoint: its origin plus the client's path, after the base path if preserved. A
 * shared version prefix is written once ({@code https://api.groq.com/openai/v1} + {@code /v1/chat/completions} is
 * {@code .../openai/v1/chat/completions}); hosted APIs may move the path ({@link ProviderTraits#rewrite}) or, for
 * Azure, route it to the model's deployment. Bedrock's endpoint is its control plane
 * ({@code bedrock.<region>.amazonaws.com}, models and health); Converse goes to the same region's runtime host,
 * {@code bedrock-runtime.<region>.amazonaws.com}, or the endpoint's {@code provider.runtime_url}. Any other host
 * (a simulator, a gateway) serves both, and is kept.
 */
final class UpstreamTarget {

    private static final String AZURE_API_VERSION = "api-version";

    private UpstreamTarget() {
    }

    static String of(Endpoint endpoint, String path, Optional<String> query) {
        return of(endpoint, path, query, Optional.empty());
    }

    /** @param model the model this endpoint is asked for (after any alias), which picks an Azure deployment */
    static String of(Endpoint endpoint, String path, Optional<String> query, Optional<String> model) {
        URI base = endpoint.url();
        ProviderTraits traits = endpoint.profile().provider();
        String upstreamPath = traits.rewrite(path);
        Optional<String> upstreamQuery = query;
        if (traits.deploymentRouting() && path.startsWith("/v1/") && model.isPresent()) {
            upstreamPath = deploymentPath(endpoint, model.get(), path.substring("/v1".length()));
            upstreamQuery = withApiVersion(query, endpoint);
        }
        StringBuilder target = new StringBuilder();
        String scheme = base.getScheme();
        String authority = base.getRawAuthority();
        if (traits.awsSigningService().isPresent() && path.startsWith("/model/")) {
            Optional<URI> runtime = endpoint.provider().runtimeUrl();
            scheme = runtime.map(URI::getScheme).orElse(scheme);
            authority = runtime.map(URI::getRawAuthority).orElse(bedrockRuntime(authority));
        }
        target.append(scheme).append("://").append(authority);
        if (endpoint.preservePath() && base.getRawPath() != null) {
            target.append(UrlPaths.join(base.getRawPath(), upstreamPath));
        } else {
            target.append(upstreamPath);
        }
        upstreamQuery.ifPresent(q -> target.append('?').append(q));
        return target.toString();
    }

    static String bedrockRuntime(String authority) {
        if (authority.startsWith("bedrock.")) {
            return "bedrock-runtime." + authority.substring("bedrock.".length());
        }
        if (authority.startsWith("bedrock-fips.")) {
            return "bedrock-runtime-fips." + authority.substring("bedrock-fips.".length());
        }
        return authority;
    }

    // Azure serves /openai/deployments/<deployment>/chat/completions. A model with no configured deployment is
    // sent to a deployment of its own name, the usual convention, and Azure's 404 says so if it is wrong.
    private static String deploymentPath(Endpoint endpoint, String model, String rest) {
        String deployment = endpoint.provider().deploymentFor(model).orElse(model);
        String segment = URLEncoder.encode(deployment, StandardCharsets.UTF_8).replace("+", "%20");
        return "/openai/deployments/" + segment + rest;
    }

    private static Optional<String> withApiVersion(Optional<String> query, Endpoint endpoint) {
        Optional<String> version = endpoint.provider().apiVersion();
        if (version.isEmpty() || query.map(q -> ("&" + q).contains("&" + AZURE_API_VERSION + "=")).orElse(false)) {
            return query;
        }
        String param = AZURE_API_VERSION + "=" + URLEncoder.encode(version.get(), StandardCharsets.UTF_8);
        return Optional.of(query.map(q -> q + "&" + param).orElse(param));
    }
}
