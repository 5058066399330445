package dev.sluice.domain.endpoint;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a hosted API needs beyond a URL and headers. Empty for local servers ({@link #NONE}).
 *
 * @param apiVersion     the provider's API version ({@code api-version} query for Azure, {@code anthropic-version}
 *                       header for Anthropic); empty when the provider has none
 * @param deployments    model name to deployment name (Azure): requests for the model go to the deployment's URL,
 *                       and these models are the endpoint's catalogue, with no list call
 * @param assumeHealthy  never probe: the endpoint is routable until real traffic says otherwise (Olla issue #104)
 * @param credentialHint where the endpoint's credential comes from, for a 401/403 message; never the secret itself,
 *                       e.g. {@code "the API key in discovery.static.endpoints[2].auth (OPENAI_API_KEY)"}
 * @param awsSigning     SigV4 credentials when every request must be signed (Bedrock)
 * @param nativeApi      chat requests are translated to the provider's own API rather than sent to its
 *                       OpenAI-compatible surface (Gemini's {@code provider.api: native})
 * @param runtimeUrl     where chat requests go when that is another host than the endpoint's url (Bedrock's
 *                       {@code provider.runtime_url}); empty to derive it from the url
 */
public record ProviderSettings(Optional<String> apiVersion, Map<String, String> deployments, boolean assumeHealthy,
                               String credentialHint, Optional<AwsSigning> awsSigning, boolean nativeApi,
                               Optional<URI> runtimeUrl) {

    public static final ProviderSettings NONE = new ProviderSettings(Optional.empty(), Map.of(), false,
            "the endpoint's auth settings");

    /** Settings of an endpoint reached through its OpenAI-compatible surface, if it has one. */
    public ProviderSettings(Optional<String> apiVersion, Map<String, String> deployments, boolean assumeHealthy,
                            String credentialHint, Optional<AwsSigning> awsSigning) {
        this(apiVersion, deployments, assumeHealthy, credentialHint, awsSigning, false);
    }

    /** Settings of an endpoint whose chat requests go to its own url. */
    public ProviderSettings(Optional<String> apiVersion, Map<String, String> deployments, boolean assumeHealthy,
                            String credentialHint, Optional<AwsSigning> awsSigning, boolean nativeApi) {
        this(apiVersion, deployments, assumeHealthy, credentialHint, awsSigning, nativeApi, Optional.empty());
    }

    public ProviderSettings {
        Objects.requireNonNull(runtimeUrl, "runtimeUrl");
        Objects.requireNonNull(apiVersion, "apiVersion");
        deployments = Map.copyOf(deployments);
        Objects.requireNonNull(credentialHint, "credentialHint");
        Objects.requireNonNull(awsSigning, "awsSigning");
    }

    /** Settings of an endpoint whose requests are not signed. */
    public ProviderSettings(Optional<String> apiVersion, Map<String, String> deployments, boolean assumeHealthy,
                            String credentialHint) {
        this(apiVersion, deployments, assumeHealthy, credentialHint, Optional.empty());
    }

    /** The deployment serving {@code model}, if the endpoint routes by deployment. */
    public Optional<String> deploymentFor(String model) {
        return Optional.ofNullable(deployments.get(model));
    }
}
